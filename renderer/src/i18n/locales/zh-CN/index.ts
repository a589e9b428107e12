import type { MessageSchema } from '../en';
import { common } from './common';
import { feed } from './feed';
import { llm } from './llm';
import { sessions } from './sessions';
import { settings } from './settings';
import { shell } from './shell';
import { workspaces } from './workspaces';

/** The Simplified Chinese catalogue; typed against the English schema so no key is missing. */
export const zhCN: MessageSchema = { common, shell, workspaces, settings, feed, sessions, llm };
