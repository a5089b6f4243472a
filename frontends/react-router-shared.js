/**
 * What the shared singleton `react-router` holds (webpack's alias for `react-router`): the parts
 * the portal uses, tree-shaken out of react-router's production build (its package.json sends
 * every bundler to the development one). Shared whole, react-router's framework mode (server
 * rendering, hydration, route modules) would ship with every page. Importing anything missing
 * here fails the unit test shell/src/shared-subsets.spec.ts (the build cannot see through the
 * shared module): add it to the list.
 */
export {
  Link,
  Navigate,
  Outlet,
  Route,
  RouterProvider,
  Routes,
  createBrowserRouter,
  useBlocker,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router-original';
