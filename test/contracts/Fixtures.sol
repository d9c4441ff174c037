// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// ERC-20 with OpenZeppelin v4-style require strings.
contract TokenV4 {
    string public name;
    string public symbol;
    uint8 public decimals;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory n, string memory s, uint8 d) { name = n; symbol = s; decimals = d; }

    function mint(address to, uint256 amount) external { balanceOf[to] += amount; emit Transfer(address(0), to, amount); }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) { _transfer(msg.sender, to, amount); return true; }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 current = allowance[from][msg.sender];
        if (current != type(uint256).max) {
            require(current >= amount, "ERC20: insufficient allowance");
            allowance[from][msg.sender] = current - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) internal {
        require(balanceOf[from] >= amount, "ERC20: transfer amount exceeds balance");
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}

/// ERC-20 with OpenZeppelin v5-style custom errors (ERC-6093).
contract TokenV5 {
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    string public constant name = "Token Five";
    string public constant symbol = "TFV";
    uint8 public constant decimals = 6;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function mint(address to, uint256 amount) external { balanceOf[to] += amount; emit Transfer(address(0), to, amount); }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) { _transfer(msg.sender, to, amount); return true; }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 current = allowance[from][msg.sender];
        if (current < amount) revert ERC20InsufficientAllowance(msg.sender, current, amount);
        allowance[from][msg.sender] = current - amount;
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) internal {
        uint256 bal = balanceOf[from];
        if (bal < amount) revert ERC20InsufficientBalance(from, bal, amount);
        balanceOf[from] = bal - amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}

/// A minimal swap "router" with Uniswap v2 router revert strings.
contract Router {
    function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, uint256 deadline) external view returns (uint256) {
        require(deadline >= block.timestamp, "UniswapV2Router: EXPIRED");
        uint256 amountOut = (amountIn * 97) / 100;
        require(amountOut >= amountOutMin, "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
        return amountOut;
    }
}

/// Burns all the gas it is given.
contract GasBurner {
    uint256 public counter;
    function burn() external { while (true) { counter += 1; } }
}

/// Panics, and reverts with a custom error no table knows.
contract Panicker {
    error MysteryFailure(uint256 code);
    uint256 public last;
    function divide(uint256 a, uint256 b) external { last = a / b; }
    function mystery() external { last = 1; revert MysteryFailure(42); }
    receive() external payable {}
}

/// Minimal ERC-721 (Transfer with an indexed token id).
contract Collectible {
    mapping(uint256 => address) public ownerOf;
    string public constant symbol = "COL";
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);
    function mint(address to, uint256 id) external { ownerOf[id] = to; emit Transfer(address(0), to, id); }
    function transferFrom(address from, address to, uint256 id) external {
        require(ownerOf[id] == from && msg.sender == from, "not owner");
        ownerOf[id] = to;
        emit Transfer(from, to, id);
    }
    function setApprovalForAll(address operator, bool approved) external { emit ApprovalForAll(msg.sender, operator, approved); }
}

/// What address poisoners do: a zero-value transferFrom from the victim to a look-alike address.
contract Poisoner {
    function poison(address token, address victim, address lookalike) external {
        TokenV4(token).transferFrom(victim, lookalike, 0);
    }
}
