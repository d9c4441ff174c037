// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// The demo's stablecoin: an ERC-20 with OpenZeppelin v4-style require strings.
contract DemoToken {
    string public constant name = "Demo USD";
    string public constant symbol = "dUSD";
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

/// A swap router with the Uniswap v2 revert strings: the output is 97% of the input.
contract DemoRouter {
    function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, uint256 deadline) external view returns (uint256) {
        require(deadline >= block.timestamp, "UniswapV2Router: EXPIRED");
        uint256 amountOut = (amountIn * 97) / 100;
        require(amountOut >= amountOutMin, "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
        return amountOut;
    }
}

/// What address poisoners do: a zero-value transferFrom from the victim to a look-alike address.
contract DemoPoisoner {
    function poison(address token, address victim, address lookalike) external {
        DemoToken(token).transferFrom(victim, lookalike, 0);
    }
}
