// go get github.com/gofiber/fiber/v2
package main

import (
	"regexp" {{?PATTERNS}}

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
)

var originPatterns = []*regexp.Regexp{ {{PATTERNS_RE|regexp.MustCompile(`$`)}} } {{?PATTERNS}}

func main() {
	app := fiber.New()
	// First: preflights carry no credentials, so CORS answers them before any auth.
	app.Use(cors.New(cors.Config{
		AllowOrigins: "{{ORIGINS|$|,}}",
		AllowOriginsFunc: func(origin string) bool { {{?PATTERNS}}
			for _, p := range originPatterns { {{?PATTERNS}}
				if p.MatchString(origin) { {{?PATTERNS}}
					return true {{?PATTERNS}}
				} {{?PATTERNS}}
			} {{?PATTERNS}}
			return false {{?PATTERNS}}
		}, {{?PATTERNS}}
		AllowMethods:     "{{METHODS|$|,}}",
		AllowHeaders:     "{{HEADERS|$|,}}",
		ExposeHeaders:    "{{EXPOSE|$|,}}", {{?EXPOSE}}
		AllowCredentials: true, {{?CREDENTIALS}}
		MaxAge:           {{MAX_AGE}}, {{?MAX_AGE}}
	}))
	app.Get("/api/health", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"ok": true}) })
	app.Listen("127.0.0.1:8080")
}
