# main.py  (pip install fastapi uvicorn)
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()

# Added last = outermost, so it runs before other middleware (add it after them).
app.add_middleware(
    CORSMiddleware,
    allow_origin_regex=r"{{PATTERN_REGEX_PY}}",  # subdomain patterns, anchored {{?PATTERNS}}
    allow_origins=[{{ORIGINS}}],  # a wildcard with allow_credentials=True reflects any origin
    allow_methods=[{{METHODS}}],  # the default is GET only
    allow_headers=[{{HEADERS}}],
    expose_headers=[{{EXPOSE}}],  {{?EXPOSE}}
    allow_credentials={{CREDENTIALS}},
    max_age={{MAX_AGE}},  {{?MAX_AGE}}
)


@app.get("/api/health")
def health():
    return {"ok": True}
