// go get github.com/labstack/echo/v4
package main

import (
	"net/http"
	"regexp" {{?PATTERNS}}

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

var allowedOrigins = []string{ {{ORIGINS}} }
var originPatterns = []*regexp.Regexp{ {{PATTERNS_RE|regexp.MustCompile(`$`)}} } {{?PATTERNS}}

func main() {
	e := echo.New()
	// First: preflights carry no credentials, so CORS answers them before any auth.
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins: allowedOrigins, {{?!PATTERNS}}
		AllowOriginFunc: func(origin string) (bool, error) { {{?PATTERNS}}
			for _, o := range allowedOrigins { {{?PATTERNS}}
				if o == origin { {{?PATTERNS}}
					return true, nil {{?PATTERNS}}
				} {{?PATTERNS}}
			} {{?PATTERNS}}
			for _, p := range originPatterns { {{?PATTERNS}}
				if p.MatchString(origin) { {{?PATTERNS}}
					return true, nil {{?PATTERNS}}
				} {{?PATTERNS}}
			} {{?PATTERNS}}
			return false, nil {{?PATTERNS}}
		}, {{?PATTERNS}}
		AllowMethods:     []string{ {{METHODS}} },
		AllowHeaders:     []string{ {{HEADERS}} },
		ExposeHeaders:    []string{ {{EXPOSE}} }, {{?EXPOSE}}
		AllowCredentials: true, {{?CREDENTIALS}}
		MaxAge:           {{MAX_AGE}}, {{?MAX_AGE}}
	}))
	e.GET("/api/health", func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]bool{"ok": true})
	})
	e.Logger.Fatal(e.Start("127.0.0.1:8080"))
}
