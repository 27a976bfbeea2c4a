import type { EntityType } from '../lib/analyze';

export const TYPE_LABEL: Record<EntityType, string> = { PER: 'Person', ORG: 'Organisation', LOC: 'Place', MISC: 'Other' };
export const TYPE_GROUP: Record<EntityType, string> = { PER: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other names' };
export const TYPE_ORDER: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
