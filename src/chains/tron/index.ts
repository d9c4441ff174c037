export { createTronAdapter, tronAdapterFactory, type TronAdapterOptions } from './adapter.ts';
export { tronAddressFromHex, tronAddressBody } from './address.ts';
