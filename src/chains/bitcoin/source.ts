/** A Bitcoin-family transaction as the analysis needs it, whatever API it came from. Amounts in base units (satoshis). */
export interface BtcTx {
  txid: string;
  confirmed: boolean;
  blockHeight?: number;
  /** Confirmations as the API reports them (Core RPC); Esplora's are computed from the tip height. */
  confirmations?: number;
  /** Seconds since epoch of the block, when confirmed. */
  blockTime?: number;
  vsize: number;
  /** Undefined when the prevouts are unknown. */
  feeSat?: bigint;
  vin: Array<{ txid: string; vout: number; sequence: number; coinbase: boolean; prevout?: { address?: string; scriptHex: string; valueSat: bigint } }>;
  vout: Array<{ address?: string; scriptHex: string; valueSat: bigint }>;
}

/** Fee rates (sat/vB) the mempool asks for now. */
export interface FeeTargets {
  nextBlockSatVb: number;
  halfHourSatVb: number;
  hourSatVb: number;
  minimumSatVb: number;
  source: string;
}

export interface Replacement {
  txid: string;
  feeRateSatVb?: number;
  fullRbf?: boolean;
}

export interface AncestorInfo {
  /** Unconfirmed ancestors of the transaction (CPFP package). */
  ancestors: Array<{ txid: string; feeSat: bigint; vsize: number }>;
  /** Effective package fee rate, when the API knows it. */
  effectiveFeeRateSatVb?: number;
}

export interface AddressFacts {
  confirmedSat: bigint;
  unconfirmedSat: bigint;
  txCount: number;
  utxos: Array<{ txid: string; vout: number; valueSat: bigint; confirmed: boolean }>;
}

/** One way of reading a Bitcoin-family chain: Esplora REST or Bitcoin Core JSON-RPC. Optional methods say what the API can answer. */
export interface BitcoinSource {
  readonly kind: 'esplora' | 'core-rpc';
  readonly mempool: boolean;
  getTx(txid: string, signal?: AbortSignal): Promise<BtcTx | undefined>;
  tipHeight(signal?: AbortSignal): Promise<number>;
  feeTargets(signal?: AbortSignal): Promise<FeeTargets | undefined>;
  /** The transaction that replaced `txid`, when the API tracks replacements. */
  findReplacement?(txid: string, signal?: AbortSignal): Promise<Replacement | undefined>;
  ancestors?(txid: string, signal?: AbortSignal): Promise<AncestorInfo | undefined>;
  /** Which transaction spends each output of `txid` (undefined entries: unspent). */
  outspends?(txid: string, signal?: AbortSignal): Promise<Array<string | undefined> | undefined>;
  address(addr: string, signal?: AbortSignal): Promise<AddressFacts>;
  readonly roundTrips: number;
}
