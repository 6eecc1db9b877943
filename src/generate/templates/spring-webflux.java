// CorsConfig.java (Spring WebFlux). With Spring Security also call http.cors(Customizer.withDefaults()).
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration
public class CorsConfig {
    @Bean
    public CorsWebFilter corsWebFilter() {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(List.of({{ORIGINS}})); // exact origins, no trailing slash
        config.setAllowedOriginPatterns(List.of({{PATTERNS}})); // Spring's pattern syntax {{?PATTERNS}}
        config.setAllowedMethods(List.of({{METHODS}}));
        config.setAllowedHeaders(List.of({{HEADERS}}));
        config.setExposedHeaders(List.of({{EXPOSE}})); {{?EXPOSE}}
        config.setAllowCredentials(true); {{?CREDENTIALS}}
        config.setMaxAge(Duration.ofSeconds({{MAX_AGE}})); {{?MAX_AGE}}
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return new CorsWebFilter(source); // a WebFilter: it answers preflights before any handler
    }
}
