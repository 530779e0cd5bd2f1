// The configurable part of the control ledgers (SPEC §5.4). No national period exists for a
// 临控: the clerk enters the expiry from the control document, so only the warnings are configured.

import { z } from 'zod';
import { CLOSURE_MODES } from '../cases/definition.ts';
import { closureModesSchema } from '../cases/lookup.ts';

export interface ControlsRules {
  /** The expiry node's date is the clerk's own. */
  nodes: Record<string, never>;
  /** Closures of the case after which a live control shows 待撤控 (SPEC: the case is closed). */
  revokeOnClosure: string[];
  /** Days before expiry from which a control shows 临期; absent, the defaults for its length (SPEC §3). */
  expiryWarnDays?: number;
}

/** A fresh copy for each of the two ledgers, so that configuring one never changes the other. */
export function defaultControlsRules(): ControlsRules {
  return { nodes: {}, revokeOnClosure: [...CLOSURE_MODES] };
}

export const controlsRulesSchema: z.ZodType<ControlsRules> = z
  .object({
    nodes: z.object({}).strict(),
    revokeOnClosure: closureModesSchema.meta({ title: '案件以这些方式结案后应撤控' }),
    expiryWarnDays: z.number().int().min(0).max(365).optional().meta({ title: '提前几日提示到期（不填按默认）' }),
  })
  .strict() as z.ZodType<ControlsRules>;
