// Program.cs (ASP.NET Core 8+; CORS is built in)
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options => options.AddPolicy("frontend", policy => policy
    .WithOrigins({{ORIGINS}}) // no trailing slash {{?!PATTERNS}}
    .WithOrigins({{ORIGINS}}, {{PATTERNS}}) {{?PATTERNS}}
    .SetIsOriginAllowedToAllowWildcardSubdomains() {{?PATTERNS}}
    .WithMethods({{METHODS}})
    .WithHeaders({{HEADERS}})
    .WithExposedHeaders({{EXPOSE}}) {{?EXPOSE}}
    .AllowCredentials() {{?CREDENTIALS}}
    .SetPreflightMaxAge(TimeSpan.FromSeconds({{MAX_AGE}})) {{?MAX_AGE}}
));

var app = builder.Build();
app.UseRouting();
app.UseCors("frontend"); // after UseRouting, before UseAuthentication/UseAuthorization
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/api/health", () => Results.Ok(new { ok = true })).RequireCors("frontend");
app.Run();
