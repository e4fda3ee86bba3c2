// Starts Swagger UI on this server's OpenAPI document (a file, not an inline script, so the CSP can forbid those).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
