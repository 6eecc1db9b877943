// cors.go: wrap the OUTERMOST handler: http.ListenAndServe(addr, withCORS(mux))
package main

import (
	"net/http"
	"regexp"
)

var allowedOrigins = map[string]bool{ {{ORIGINS|"$": true}} }

// Subdomain patterns, anchored.
var allowedPatterns = []*regexp.Regexp{ {{PATTERNS_RE|regexp.MustCompile(`$`)}} }

func originAllowed(origin string) bool {
	if allowedOrigins[origin] {
		return true
	}
	for _, p := range allowedPatterns {
		if p.MatchString(origin) {
			return true
		}
	}
	return false
}

func withCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, origin := w.Header(), r.Header.Get("Origin")
		h.Add("Vary", "Origin") // Add, not Set: keep other Vary values
		if originAllowed(origin) {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Credentials", "true") {{?CREDENTIALS}}
			h.Set("Access-Control-Expose-Headers", "{{EXPOSE|$}}") {{?EXPOSE}}
		}
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Methods", "{{METHODS|$}}")
			h.Set("Access-Control-Allow-Headers", "{{HEADERS|$}}")
			h.Set("Access-Control-Max-Age", "{{MAX_AGE}}") {{?MAX_AGE}}
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
