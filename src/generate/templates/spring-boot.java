// CorsConfig.java (Spring Boot 3, Spring Security 6)
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

@Configuration
public class CorsConfig {
    @Bean
    CorsConfigurationSource corsConfigurationSource() {
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOrigins(List.of({{ORIGINS}}));
        c.setAllowedOriginPatterns(List.of({{PATTERNS}})); {{?PATTERNS}}
        c.setAllowedMethods(List.of({{METHODS}}));
        c.setAllowedHeaders(List.of({{HEADERS}}));
        c.setExposedHeaders(List.of({{EXPOSE}})); {{?EXPOSE}}
        c.setAllowCredentials({{CREDENTIALS}});
        c.setMaxAge({{MAX_AGE}}L); {{?MAX_AGE}}
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", c);
        return source;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // .cors() makes Spring Security answer preflights before authentication.
        http.cors(Customizer.withDefaults())
            .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        return http.build();
    }
}
