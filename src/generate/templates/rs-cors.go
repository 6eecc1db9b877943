// main.go (go get github.com/rs/cors)
package main

import (
	"net/http"

	"github.com/rs/cors"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/health", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok":true}`))
	})

	// Wraps the whole mux, outside auth middleware: preflights carry no credentials.
	// Exact origins; rs/cors echoes the one that matched and adds Vary: Origin.
	c := cors.New(cors.Options{
		AllowedOrigins:   []string{{{ORIGINS}}}, {{?!PATTERNS}}
		AllowedOrigins:   []string{{{ORIGINS}}, {{PATTERNS}}}, // one * each: any subdomain {{?PATTERNS}}
		AllowedMethods:   []string{{{METHODS}}},
		AllowedHeaders:   []string{{{HEADERS}}},
		ExposedHeaders:   []string{{{EXPOSE}}}, {{?EXPOSE}}
		AllowCredentials: {{CREDENTIALS}},
		MaxAge:           {{MAX_AGE}}, {{?MAX_AGE}}
	})
	http.ListenAndServe("127.0.0.1:8080", c.Handler(mux))
}
