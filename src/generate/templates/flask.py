# app.py  (pip install flask flask-cors>=6)
import re  {{?PATTERNS}}

from flask import Flask
from flask_cors import CORS

app = Flask(__name__)

# Exact origins: with supports_credentials and the default wildcard origins, flask-cors would
# reflect every origin.
CORS(
    app,
    resources={r"/api/*": {"origins": [{{ORIGINS}}]}}, {{?!PATTERNS}}
    resources={r"/api/*": {"origins": [{{ORIGINS}}, {{PATTERNS_RE_PY|re.compile(r"$")}}]}}, {{?PATTERNS}}
    methods=[{{METHODS}}],
    allow_headers=[{{HEADERS}}],
    expose_headers=[{{EXPOSE}}],  {{?EXPOSE}}
    supports_credentials={{CREDENTIALS}},
    max_age={{MAX_AGE}},  {{?MAX_AGE}}
)


@app.get("/api/health")
def health():
    return {"ok": True}
