const { createConfig } = require('../webpack.common');

module.exports = createConfig({
  dir: __dirname,
  name: 'selfAssessment',
  exposes: { './App': './src/App.tsx' },
  title: 'Tự đánh giá — Cổng Chỉ số cải cách hành chính',
});
