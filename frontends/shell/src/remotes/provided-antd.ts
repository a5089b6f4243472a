/**
 * antd's heavy components, shared apart from `antd` under their paths (`heavyAntdComponents` in
 * frontends/webpack.common.js), must come from the shell's build like `antd` itself: a remote's
 * own copy would carry its own antd internals and not see the shell's ConfigProvider (theme,
 * vi_VN locale) nor its CSS-in-JS cache. webpack provides a shared module only if the build
 * imports it, so the shell names them here. Nothing calls this: each loads only when a remote's
 * page imports it.
 */
export const providedAntdComponents = () => [
  import('antd/es/table'),
  import('antd/es/date-picker'),
  import('antd/es/tree'),
  import('antd/es/tabs'),
  import('antd/es/steps'),
  import('antd/es/descriptions'),
  import('antd/es/pagination'),
  import('antd/es/list'),
  import('antd/es/drawer'),
  import('antd/es/popconfirm'),
  import('antd/es/form'),
  import('antd/es/select'),
];
