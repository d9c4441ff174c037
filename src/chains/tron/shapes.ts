import { z } from 'zod';

/** /wallet/gettransactionbyid (an empty object when unknown). */
export const TronTx = z.object({
  txID: z.string().optional(),
  ret: z.array(z.object({ contractRet: z.string().optional() })).optional(),
  raw_data: z
    .object({
      expiration: z.number().optional(),
      fee_limit: z.number().optional(),
      contract: z.array(z.object({ type: z.string(), parameter: z.object({ value: z.record(z.string(), z.unknown()) }) })).default([]),
    })
    .optional(),
});
export type TronTx = z.infer<typeof TronTx>;

/** /wallet/gettransactioninfobyid (an empty object until executed). */
export const TronTxInfo = z.object({
  id: z.string().optional(),
  fee: z.number().optional(),
  blockNumber: z.number().optional(),
  blockTimeStamp: z.number().optional(),
  contractResult: z.array(z.string()).optional(),
  contract_address: z.string().optional(),
  receipt: z
    .object({
      energy_usage: z.number().optional(),
      energy_fee: z.number().optional(),
      origin_energy_usage: z.number().optional(),
      energy_usage_total: z.number().optional(),
      net_usage: z.number().optional(),
      net_fee: z.number().optional(),
      result: z.string().optional(),
      energy_penalty_total: z.number().optional(),
    })
    .optional(),
  log: z.array(z.object({ address: z.string(), topics: z.array(z.string()).default([]), data: z.string().optional() })).optional(),
  result: z.string().optional(),
  resMessage: z.string().optional(),
});
export type TronTxInfo = z.infer<typeof TronTxInfo>;

export const TronAccount = z.object({ address: z.string().optional(), balance: z.number().optional(), create_time: z.number().optional() });
export const TronResources = z.object({
  freeNetLimit: z.number().optional(),
  freeNetUsed: z.number().optional(),
  NetLimit: z.number().optional(),
  NetUsed: z.number().optional(),
  EnergyLimit: z.number().optional(),
  EnergyUsed: z.number().optional(),
});
