const { createConfig } = require('../webpack.common');

module.exports = createConfig({
  dir: __dirname,
  name: 'shell',
  title: 'Cổng Chỉ số cải cách hành chính',
});
