//! The vendors' published rules, encoded by hand as the example policies
//! (`examples/*.json`), by the endoflife.date product each is for: the
//! generator's rules for those products, in the place of the stated and
//! fitted ones.

/// Each product whose vendor's rules are encoded by hand, and the policy
/// that encodes them.
const VENDOR_RULES: [(&str, &str); 15] = [
    ("angular", include_str!("../../../examples/angular.json")),
    ("apache-camel", include_str!("../../../examples/camel.json")),
    ("argo-cd", include_str!("../../../examples/argo-cd.json")),
    ("django", include_str!("../../../examples/django.json")),
    ("dotnet", include_str!("../../../examples/dotnet.json")),
    ("electron", include_str!("../../../examples/electron.json")),
    ("envoy", include_str!("../../../examples/envoy.json")),
    ("gitlab", include_str!("../../../examples/gitlab.json")),
    ("grafana", include_str!("../../../examples/grafana.json")),
    (
        "kubernetes",
        include_str!("../../../examples/kubernetes.json"),
    ),
    ("nodejs", include_str!("../../../examples/nodejs.json")),
    ("python", include_str!("../../../examples/python.json")),
    (
        "quarkus-framework",
        include_str!("../../../examples/quarkus.json"),
    ),
    (
        "spring-boot",
        include_str!("../../../examples/spring-boot.json"),
    ),
    ("symfony", include_str!("../../../examples/symfony.json")),
];

/// The policy file that encodes the vendor's published rules for the
/// endoflife.date product `product`, where one does.
///
/// # Examples
/// ```
/// use lts_policy::catalogue::vendor_rules;
/// assert!(vendor_rules("apache-camel").unwrap().contains("\"name\": \"camel\""));
/// assert!(vendor_rules("redis").is_none());
/// ```
#[must_use]
pub fn vendor_rules(product: &str) -> Option<&'static str> {
    VENDOR_RULES
        .iter()
        .find(|(name, _)| *name == product)
        .map(|(_, policy)| *policy)
}
