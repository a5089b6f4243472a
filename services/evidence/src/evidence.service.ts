/** The evidence service: evidence metadata; the files themselves live in MinIO behind presigned URLs. Its actions arrive with their issues; today it joins the bus and owns its database. */
import type { ServiceSchema } from 'moleculer';

export function evidenceService(): ServiceSchema {
  return {
    name: 'evidence',
  };
}
