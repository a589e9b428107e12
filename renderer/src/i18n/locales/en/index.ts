import { common } from './common';
import { feed } from './feed';
import { llm } from './llm';
import { sessions } from './sessions';
import { settings } from './settings';
import { shell } from './shell';
import { workspaces } from './workspaces';

/**
 * The English catalogue: one module per area so areas are edited independently. Its shape is
 * the message schema every other language must match (see zh-CN/index.ts).
 */
export const en = { common, shell, workspaces, settings, feed, sessions, llm };

/** Every catalogue has exactly the keys of the English one, with string values. */
export type MessageSchema = DeepStrings<typeof en>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
