// npm install socket.io@4
const { createServer } = require('http');
const { Server } = require('socket.io');

const httpServer = createServer();
// The HTTP long-polling transport is plain CORS; the WebSocket upgrade itself is not.
const io = new Server(httpServer, {
  cors: {
    origin: [{{ORIGINS}}], // exact allowlist, never true with credentials {{?!PATTERNS}}
    origin: [{{ORIGINS}}, {{PATTERNS_JS|$}}], // exact allowlist, never true with credentials {{?PATTERNS}}
    methods: [{{METHODS}}],
    allowedHeaders: [{{HEADERS}}],
    exposedHeaders: [{{EXPOSE}}], {{?EXPOSE}}
    credentials: true, {{?CREDENTIALS}}
    maxAge: {{MAX_AGE}}, {{?MAX_AGE}}
  },
});

io.on('connection', (socket) => socket.emit('hello'));
httpServer.listen(3000, '127.0.0.1');
