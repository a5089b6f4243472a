// The remote's own entry, opened outside the shell, only says where it belongs; the public pages
// themselves are the other build (standalone/main.tsx).
import { renderStandaloneNotice } from '@par/ui';
import { ns } from './i18n';

void renderStandaloneNotice(ns);
