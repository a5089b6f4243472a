/**
 * What the shared singleton `antd` holds (webpack's alias for `antd`): the components the shell,
 * `@par/ui` and the remotes' everyday pages use, and nothing else. A shared module cannot be
 * tree-shaken, so `antd` itself would ship all of its ~75 components (347 KB brotli) before any
 * page could show; this list is tree-shaken out of antd's own ES modules instead.
 *
 * The heavy components no first page needs are shared apart, each under its own path
 * (`heavyAntdComponents` in webpack.common.js): `import Table from 'antd/es/table'`. Both kinds
 * are provided by the shell's build, so antd's internals (config and theme contexts, the CSS-in-JS
 * cache) exist once per page. A component missing here is `undefined` in the browser (the build
 * cannot see through the shared module); the unit test shell/src/shared-subsets.spec.ts fails on
 * it instead: add it here if it is light, or import it by its path if it is heavy.
 */
export {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  ConfigProvider,
  Divider,
  Dropdown,
  Empty,
  Flex,
  Grid,
  Input,
  Layout,
  Menu,
  Modal,
  Progress,
  Radio,
  Row,
  Segmented,
  Space,
  Spin,
  Statistic,
  Switch,
  Tag,
  theme,
  Tooltip,
  Typography,
} from 'antd-original';
