// webpack.config.js: while developing, the page calls /api on its own origin and the dev server
// forwards it, so the browser makes no cross-origin request. Production still needs the server fix.
// Your page ({{ORIGIN_LIST}}) then fetches '/api/...' instead of the API's full URL.
module.exports = {
  devServer: {
    proxy: [
      {
        context: ['/api'],
        target: 'http://127.0.0.1:8080', // your API
        changeOrigin: true,
      },
    ],
  },
};
