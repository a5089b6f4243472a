const { createConfig } = require('../webpack.common');

module.exports = createConfig({
  dir: __dirname,
  name: 'appraisal',
  exposes: { './App': './src/App.tsx' },
  title: 'Thẩm định — Cổng Chỉ số cải cách hành chính',
});
