import { join } from 'node:path';
import { schemasDir } from '../../core/paths.js';

/** The path of a JSON Schema shipped in schemas/. */
export const shippedSchema = (name: string): string => join(schemasDir, name);
