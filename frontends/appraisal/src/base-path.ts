/** Where the shell mounts this remote (`/appraisal`), for links built from the routes. */
import { createContext, useContext } from 'react';

export const BasePathContext = createContext('/appraisal');

export const useBasePath = () => useContext(BasePathContext);
