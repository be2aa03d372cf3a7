"""How the OpenAPI schema describes partner keys (drf-spectacular extension)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class PartnerKeyScheme(OpenApiAuthenticationExtension):
    target_class = "api.access.PartnerKeyAuthentication"
    name = "partnerKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A partner key from the newsroom's administrators: "
            "`Authorization: Bearer nrk_…`. Optional: without one, requests "
            "are limited per client address.",
        }
