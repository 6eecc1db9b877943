// main.go (go get github.com/gin-contrib/cors)
package main

import (
	"time"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.New()
	// Before routes and auth middleware. Unknown origins get 403.
	r.Use(cors.New(cors.Config{
		AllowOrigins:     []string{{{ORIGINS}}}, {{?!PATTERNS}}
		AllowOrigins:     []string{{{ORIGINS}}, {{PATTERNS}}}, {{?PATTERNS}}
		AllowWildcard:    true, // for the https://*.domain patterns {{?PATTERNS}}
		AllowMethods:     []string{{{METHODS}}},
		AllowHeaders:     []string{{{HEADERS}}},
		ExposeHeaders:    []string{{{EXPOSE}}}, {{?EXPOSE}}
		AllowCredentials: {{CREDENTIALS}},
		MaxAge:           {{MAX_AGE}} * time.Second,
	}))
	r.GET("/api/health", func(c *gin.Context) { c.JSON(200, gin.H{"ok": true}) })
	r.Run("127.0.0.1:8080")
}
