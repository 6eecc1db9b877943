// Program.cs (ASP.NET Core SignalR)
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR();
builder.Services.AddCors(options => options.AddPolicy("frontend", policy => policy
    .WithOrigins({{ORIGINS}}) // no trailing slash {{?!PATTERNS}}
    .WithOrigins({{ORIGINS}}, {{PATTERNS}}) {{?PATTERNS}}
    .SetIsOriginAllowedToAllowWildcardSubdomains() {{?PATTERNS}}
    .WithMethods({{METHODS}})
    .WithHeaders({{HEADERS}})
    .WithExposedHeaders({{EXPOSE}}) {{?EXPOSE}}
    .AllowCredentials() // the JavaScript client sends credentials unless told not to {{?CREDENTIALS}}
    .SetPreflightMaxAge(TimeSpan.FromSeconds({{MAX_AGE}})) {{?MAX_AGE}}
));

var app = builder.Build();
app.UseRouting();
app.UseCors("frontend"); // before UseAuthentication and the hub
app.UseAuthentication();
app.UseAuthorization();
app.MapHub<ChatHub>("/hubs/chat").RequireCors("frontend");
app.Run();

public class ChatHub : Microsoft.AspNetCore.SignalR.Hub { }
