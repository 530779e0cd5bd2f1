// Every general-affairs ledger's scenario table, by ledger id.

import { DETENTIONS_SCENARIOS } from './detentions.ts';
import { FINES_SCENARIOS } from './fines.ts';
import type { Scenario } from './fixtures.ts';
import { INVESTIGATION_ORDERS_SCENARIOS } from './investigation-orders.ts';
import { MEASURES_SCENARIOS } from './measures.ts';
import { PERSON_CONTROLS_SCENARIOS, VEHICLE_CONTROLS_SCENARIOS } from './controls.ts';
import { REFUSALS_SCENARIOS } from './refusals.ts';
import { SUMMONS_SCENARIOS } from './summons.ts';

export const SCENARIOS: Record<string, Scenario[]> = {
  summons: SUMMONS_SCENARIOS,
  detentions: DETENTIONS_SCENARIOS,
  fines: FINES_SCENARIOS,
  'investigation-orders': INVESTIGATION_ORDERS_SCENARIOS,
  'person-controls': PERSON_CONTROLS_SCENARIOS,
  'vehicle-controls': VEHICLE_CONTROLS_SCENARIOS,
  measures: MEASURES_SCENARIOS,
  refusals: REFUSALS_SCENARIOS,
};
