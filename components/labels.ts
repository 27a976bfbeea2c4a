import type { EntityType } from '../lib/analyze';
import { t } from './i18n';

/** "Person", "Organisation"…, in the reader's language. */
export const typeLabel = (type: EntityType): string => t(`type${type}`);
/** "People", "Organisations"…, in the reader's language. */
export const typeGroup = (type: EntityType): string => t(`group${type}`);
export const TYPE_ORDER: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
