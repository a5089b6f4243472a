/** Where the shell mounts this remote (`/self-assessment`), for links built from the routes. */
import { createContext, useContext } from 'react';

export const BasePathContext = createContext('/self-assessment');

export const useBasePath = () => useContext(BasePathContext);
