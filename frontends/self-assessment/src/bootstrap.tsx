// Opened on its own (not through the shell), the remote only says where it belongs.
import { renderStandaloneNotice } from '@par/ui';
import { ns } from './i18n';

void renderStandaloneNotice(ns);
