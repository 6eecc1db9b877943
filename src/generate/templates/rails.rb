# config/initializers/cors.rb  (gem "rack-cors")
# insert_before 0: the first middleware, ahead of Devise/Warden, so preflights get answered.
Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins {{ORIGINS}} {{?!PATTERNS}}
    origins {{ORIGINS}}, {{PATTERNS_RUBY|$}} {{?PATTERNS}}
    resource '/api/*',
      headers: [{{HEADERS}}],
      methods: [{{METHODS_LOWER|:$}}, :options],
      expose: [{{EXPOSE}}], {{?EXPOSE}}
      max_age: {{MAX_AGE}}, {{?MAX_AGE}}
      credentials: {{CREDENTIALS}}
  end
end
