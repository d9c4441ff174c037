import { parseAbi } from 'viem';

/** Custom errors seen in wallet support: OpenZeppelin v5 (ERC-6093), Uniswap, Permit2, common bridges and aggregators. */
export const knownErrorsAbi = parseAbi([
  'error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)',
  'error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)',
  'error ERC20InvalidSender(address sender)',
  'error ERC20InvalidReceiver(address receiver)',
  'error ERC20InvalidApprover(address approver)',
  'error ERC20InvalidSpender(address spender)',
  'error ERC721NonexistentToken(uint256 tokenId)',
  'error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)',
  'error ERC721InsufficientApproval(address operator, uint256 tokenId)',
  'error ERC1155InsufficientBalance(address sender, uint256 balance, uint256 needed, uint256 tokenId)',
  'error ERC1155MissingApprovalForAll(address operator, address owner)',
  'error OwnableUnauthorizedAccount(address account)',
  'error EnforcedPause()',
  'error ReentrancyGuardReentrantCall()',
  'error SafeERC20FailedOperation(address token)',
  'error AddressInsufficientBalance(address account)',
  'error FailedInnerCall()',
  'error V2TooLittleReceived()',
  'error V3TooLittleReceived()',
  'error V2TooMuchRequested()',
  'error V3TooMuchRequested()',
  'error V2InvalidPath()',
  'error V3InvalidSwap()',
  'error TransactionDeadlinePassed()',
  'error ExecutionFailed(uint256 commandIndex, bytes message)',
  'error InsufficientETH()',
  'error InsufficientToken()',
  'error SliceOutOfBounds()',
  'error AllowanceExpired(uint256 deadline)',
  'error InsufficientAllowance(uint256 amount)',
  'error ExcessiveInvalidation()',
  'error InvalidNonce()',
  'error SignatureExpired(uint256 signatureDeadline)',
  'error InvalidSignature()',
  'error InvalidSigner()',
  'error ReturnAmountIsNotEnough()',
  'error ReturnAmountIsNotEnough(uint256 result, uint256 minReturn)',
  'error InsufficientOutputAmount()',
  'error SlippageExceeded()',
  'error DeadlineExpired()',
  'error RelayFilled()',
  'error ExpiredFillDeadline()',
  'error InvalidQuoteTimestamp()',
  'error InsufficientMsgValue()',
  'error InsufficientFee()',
]);

/** Panic(uint256) codes (Solidity docs). */
export const panicReasons: Readonly<Record<number, string>> = {
  0x00: 'generic compiler panic',
  0x01: 'assert(false)',
  0x11: 'arithmetic overflow or underflow',
  0x12: 'division or modulo by zero',
  0x21: 'conversion to an invalid enum value',
  0x22: 'corrupt storage byte array',
  0x31: 'pop() on an empty array',
  0x32: 'array index out of bounds',
  0x41: 'too much memory allocated',
  0x51: 'call to a zero-initialized function',
};

export type RevertClass = 'insufficient_allowance' | 'insufficient_token_balance' | 'slippage' | 'deadline';

/** Maps a decoded reason (string or error name) to a finding class; order matters (most specific first). */
export const revertClasses: ReadonlyArray<{ cls: RevertClass; match: RegExp }> = [
  { cls: 'insufficient_allowance', match: /(insufficient allowance|exceeds allowance|^ERC20InsufficientAllowance$|^InsufficientAllowance$|^AllowanceExpired$|^ERC721InsufficientApproval$|^ERC1155MissingApprovalForAll$)/i },
  { cls: 'insufficient_token_balance', match: /(exceeds balance|insufficient balance|^ERC20InsufficientBalance$|^ERC1155InsufficientBalance$|^InsufficientToken$)/i },
  { cls: 'slippage', match: /(INSUFFICIENT_OUTPUT_AMOUNT|EXCESSIVE_INPUT_AMOUNT|Too little received|Too much requested|Price slippage check|Return amount is not enough|^V[23]TooLittleReceived$|^V[23]TooMuchRequested$|^ReturnAmountIsNotEnough$|^InsufficientOutputAmount$|^SlippageExceeded$)/i },
  { cls: 'deadline', match: /(: EXPIRED$|^Transaction too old$|^TransactionDeadlinePassed$|^DeadlineExpired$|^ExpiredFillDeadline$|deadline)/i },
];
