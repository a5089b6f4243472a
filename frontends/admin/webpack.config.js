const { createConfig } = require('../webpack.common');

module.exports = createConfig({
  dir: __dirname,
  name: 'admin',
  exposes: { './App': './src/App.tsx' },
  title: 'Quản trị — Cổng Chỉ số cải cách hành chính',
});
