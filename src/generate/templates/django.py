# settings.py  (pip install django-cors-headers>=4)
INSTALLED_APPS += ["corsheaders"]

# CorsMiddleware as high as possible: above CommonMiddleware (its APPEND_SLASH redirect
# would break preflights) and above any auth middleware.
MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")

CORS_ALLOWED_ORIGINS = [{{ORIGINS}}]  # scheme://host[:port], no path, no trailing slash
CORS_ALLOWED_ORIGIN_REGEXES = [{{PATTERNS_RE_PY|r"$"}}]  {{?PATTERNS}}
CORS_ALLOW_METHODS = [{{METHODS_WITH_OPTIONS}}]
CORS_ALLOW_HEADERS = [{{HEADERS_LOWER}}]
CORS_EXPOSE_HEADERS = [{{EXPOSE}}]  {{?EXPOSE}}
CORS_ALLOW_CREDENTIALS = {{CREDENTIALS}}
CORS_PREFLIGHT_MAX_AGE = {{MAX_AGE}}  {{?MAX_AGE}}
CORS_URLS_REGEX = r"^/api/.*$"
CSRF_TRUSTED_ORIGINS = [{{ORIGINS}}]  # credentialed POSTs also pass Django's CSRF check {{?CREDENTIALS}}
