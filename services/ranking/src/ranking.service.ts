/** The ranking service: consolidation, ranking, classification bands, publication and exports. Its actions arrive with their issues; today it joins the bus and owns its database. */
import type { ServiceSchema } from 'moleculer';

export function rankingService(): ServiceSchema {
  return {
    name: 'ranking',
  };
}
