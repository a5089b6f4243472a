/** The page's one API client, made once the runtime config says where the API is. */
import { runtimeConfig } from '../standalone/runtime-config';
import { createPublicSurveyApi, type PublicSurveyApi } from './public-survey-api';

let api: Promise<PublicSurveyApi> | undefined;

export function publicSurveyApi(): Promise<PublicSurveyApi> {
  api ??= runtimeConfig().then((config) => createPublicSurveyApi(config.apiUrl));
  api.catch(() => (api = undefined));
  return api;
}
