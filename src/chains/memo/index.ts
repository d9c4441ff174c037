export { createMemoAdapter, memoAdapterFactory, type MemoAdapterOptions, type MemoFamily } from './adapter.ts';
export { builtinMemoRequired, type MemoRequiredEntry } from './deposits.ts';
