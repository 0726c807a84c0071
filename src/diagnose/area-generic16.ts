import type { VersionRole } from "../model.js";
import { captureRoles, type Diagnoser } from "./context.js";
import { REMOVED_APIS } from "./tables.js";

// Diagnosers for src/signatures/generic16.ts (the eleventh tuning session, area: generic).

// Source code, tests and notes that hold the runtime's message rather than a container start that hit it: crun's C
// (crun_make_error), youki's Rust (tracing::error!, format!), Go's fmt.Errorf, a comment, a list item or a condition. A
// bats test's "# " prefix is a run's output (containers/container-selinux#299), not a comment.
const CODE_OR_NOTE = /\b(?:crun_make_error|ERROR|tracing::\w+!|format!|bail!|fmt\.\w+|errors\.New|Errorf)\s*\(|\bstrstr\s*\(|%[sqv]|\{\d?\}|^\s*(?:\/\/|\/\*|<!--|[-*+>]\s)|\b(?:if|when|whether)\s+(?:the\s+)?(?:runtime|crun|spec|version)\b/;

/** The release of crun that accepts every 1.x ociVersion (containers/podman#27272; the check itself went in crun 1.16). */
const CRUN_FIXED = "1.14.3";

/**
 * oci-runtime-spec-version-unsupported. Each wording is a runtime's own check of the config.json's ociVersion, so a run
 * that prints it has an engine newer than its runtime: a cause. The message quoted in source code or a note is not a run.
 */
const diagnoseOciSpecVersion: Diagnoser = (input) => {
  const text = input.finding.text;
  if (CODE_OR_NOTE.test(text)) {
    return { verdict: "not-skew", headline: "An OCI runtime's spec-version check quoted in source code, a test or a note, not a container start that hit it.", versions: [] };
  }
  const spec = input.capture("spec");
  const supported = input.capture("supported");
  const runtime = input.capture("runtime");
  const versions = captureRoles(input);
  if (spec === undefined) {
    // crun's versionless refusal: the engine's ociVersion is not on the line, the fixed crun release is known.
    if (runtime === undefined || runtime === "crun") {
      versions.push({ name: "crunFixed", version: CRUN_FIXED, role: "first crun release that accepts runtime-spec 1.1 and 1.2", source: "containers/podman#27272" });
    }
    const who = runtime ?? "The OCI runtime (crun, by this wording)";
    return {
      verdict: "cause",
      headline: `${who} refused the container's config.json: its ociVersion (1.1 or 1.2, as Podman 5, CRI-O and containerd 1.7+ write) is newer than this runtime accepts. crun before ${CRUN_FIXED} only accepts 1.0.x: the runtime is older than the engine.`,
      versions,
      fixes: [
        `Upgrade crun to ${CRUN_FIXED} or later (or the runtime the engine ships with), and check which binary the engine runs: podman info --format '{{.Host.OCIRuntime.Path}}', the runtimes of daemon.json, or crio.conf's runtime_path. A runner image may keep an old /usr/bin/crun beside a newer one on PATH (actions/runner-images#14473).`,
        "Or pin the engine (Podman, CRI-O, containerd) back to a release whose runtime-spec the installed runtime accepts.",
      ],
    };
  }
  const accepts = supported ? `only accepts runtime-spec ${supported}` : "does not know that runtime-spec version";
  return {
    verdict: "cause",
    headline: `The OCI runtime ${accepts}, and the engine wrote the container's config.json at ociVersion ${spec}: the runtime is older than the engine that drives it.`,
    versions,
    fixes: [
      `Upgrade the runtime to a release that implements runtime-spec ${spec} (a current crun, runc, youki, runq or procd/ujail), or point the engine at the runtime it ships with.`,
      `Or pin the engine back to a release that writes ${supported ?? "a spec version the runtime knows"}.`,
    ],
  };
};

// The Python client's API classes, by the client majors that ship them (kubernetes-client/python's tags v1.0.0 … v36.0.3,
// kubernetes/client/api/*_api.py; majors 13-16 were never released, 12.x follows Kubernetes 1.16, 17.x and later 1.N).
const PYTHON_CLIENT_API_CLASSES: Record<string, number[][]> = {
  AdmissionregistrationV1Api: [[12, 36]],
  AdmissionregistrationV1alpha1Api: [[3, 9], [26, 36]],
  AdmissionregistrationV1beta1Api: [[5, 21], [28, 36]],
  ApiextensionsV1Api: [[12, 36]],
  ApiextensionsV1beta1Api: [[4, 21]],
  ApiregistrationV1Api: [[6, 36]],
  ApiregistrationV1beta1Api: [[3, 21]],
  AppsV1Api: [[5, 36]],
  AppsV1beta1Api: [[1, 17]],
  AppsV1beta2Api: [[4, 17]],
  AuditregistrationV1alpha1Api: [[9, 18]],
  AuthenticationV1Api: [[2, 36]],
  AuthenticationV1alpha1Api: [[26, 31]],
  AuthenticationV1beta1Api: [[1, 21], [27, 32]],
  AuthorizationV1Api: [[2, 36]],
  AuthorizationV1beta1Api: [[1, 21]],
  AutoscalingV1Api: [[1, 36]],
  AutoscalingV2Api: [[23, 36]],
  AutoscalingV2alpha1Api: [[2, 3]],
  AutoscalingV2beta1Api: [[4, 24]],
  AutoscalingV2beta2Api: [[8, 25]],
  BatchV1Api: [[1, 36]],
  BatchV1beta1Api: [[4, 24]],
  BatchV2alpha1Api: [[1, 20]],
  CertificatesV1Api: [[19, 36]],
  CertificatesV1alpha1Api: [[1, 1], [27, 36]],
  CertificatesV1beta1Api: [[2, 21], [33, 36]],
  CoordinationV1Api: [[10, 36]],
  CoordinationV1alpha1Api: [[31, 31]],
  CoordinationV1alpha2Api: [[32, 36]],
  CoordinationV1beta1Api: [[8, 21], [33, 36]],
  CoreV1Api: [[1, 36]],
  DiscoveryV1Api: [[21, 36]],
  DiscoveryV1alpha1Api: [[12, 12]],
  DiscoveryV1beta1Api: [[17, 24]],
  EventsV1Api: [[19, 36]],
  EventsV1beta1Api: [[5, 24]],
  ExtensionsV1beta1Api: [[1, 21]],
  FlowcontrolApiserverV1Api: [[29, 36]],
  FlowcontrolApiserverV1alpha1Api: [[17, 20]],
  FlowcontrolApiserverV1beta1Api: [[20, 25]],
  FlowcontrolApiserverV1beta2Api: [[23, 28]],
  FlowcontrolApiserverV1beta3Api: [[26, 31]],
  InternalApiserverV1alpha1Api: [[20, 36]],
  NetworkingV1Api: [[3, 36]],
  NetworkingV1alpha1Api: [[25, 30]],
  NetworkingV1beta1Api: [[10, 21], [31, 36]],
  NodeV1Api: [[20, 36]],
  NodeV1alpha1Api: [[10, 23]],
  NodeV1beta1Api: [[10, 24]],
  PolicyV1Api: [[21, 36]],
  PolicyV1beta1Api: [[1, 24]],
  RbacAuthorizationV1Api: [[4, 36]],
  RbacAuthorizationV1alpha1Api: [[1, 22]],
  RbacAuthorizationV1beta1Api: [[2, 21]],
  ResourceV1Api: [[34, 36]],
  ResourceV1alpha1Api: [[26, 26]],
  ResourceV1alpha2Api: [[27, 30]],
  ResourceV1alpha3Api: [[31, 36]],
  ResourceV1beta1Api: [[32, 36]],
  ResourceV1beta2Api: [[33, 36]],
  SchedulingV1Api: [[10, 36]],
  SchedulingV1alpha1Api: [[4, 22], [35, 35]],
  SchedulingV1alpha2Api: [[36, 36]],
  SchedulingV1beta1Api: [[7, 21]],
  SettingsV1alpha1Api: [[2, 19]],
  StorageV1Api: [[2, 36]],
  StorageV1alpha1Api: [[5, 23], [29, 34]],
  StorageV1beta1Api: [[1, 26], [31, 36]],
  StoragemigrationV1alpha1Api: [[30, 34]],
  StoragemigrationV1beta1Api: [[35, 36]],
};
const PYTHON_CLIENT_NEWEST = 36;

// The methods of an API class that not every release of the class has, by the client majors that have them ("19-36"): a
// kind that came to a group/version later (Ingress in networking.k8s.io/v1, client 19.x; CronJob in batch/v1, 21.x) or
// left it. A method every release of its class has, or none has, is not a release's difference.
const PYTHON_CLIENT_VARYING_METHODS: Record<string, Record<string, string>> = {
  AdmissionregistrationV1Api: { "30-36": "create_validating_admission_policy create_validating_admission_policy_binding delete_collection_validating_admission_policy delete_collection_validating_admission_policy_binding delete_validating_admission_policy delete_validating_admission_policy_binding list_validating_admission_policy list_validating_admission_policy_binding patch_validating_admission_policy patch_validating_admission_policy_binding patch_validating_admission_policy_status read_validating_admission_policy read_validating_admission_policy_binding read_validating_admission_policy_status replace_validating_admission_policy replace_validating_admission_policy_binding replace_validating_admission_policy_status", "36-36": "create_mutating_admission_policy create_mutating_admission_policy_binding delete_collection_mutating_admission_policy delete_collection_mutating_admission_policy_binding delete_mutating_admission_policy delete_mutating_admission_policy_binding list_mutating_admission_policy list_mutating_admission_policy_binding patch_mutating_admission_policy patch_mutating_admission_policy_binding read_mutating_admission_policy read_mutating_admission_policy_binding replace_mutating_admission_policy replace_mutating_admission_policy_binding" },
  AdmissionregistrationV1alpha1Api: { "26-31": "create_validating_admission_policy create_validating_admission_policy_binding delete_collection_validating_admission_policy delete_collection_validating_admission_policy_binding delete_validating_admission_policy delete_validating_admission_policy_binding list_validating_admission_policy list_validating_admission_policy_binding patch_validating_admission_policy patch_validating_admission_policy_binding read_validating_admission_policy read_validating_admission_policy_binding replace_validating_admission_policy replace_validating_admission_policy_binding", "27-31": "patch_validating_admission_policy_status read_validating_admission_policy_status replace_validating_admission_policy_status", "3-4": "create_external_admission_hook_configuration delete_collection_external_admission_hook_configuration delete_external_admission_hook_configuration list_external_admission_hook_configuration patch_external_admission_hook_configuration read_external_admission_hook_configuration replace_external_admission_hook_configuration", "3-9": "create_initializer_configuration delete_collection_initializer_configuration delete_initializer_configuration list_initializer_configuration patch_initializer_configuration read_initializer_configuration replace_initializer_configuration", "32-36": "create_mutating_admission_policy create_mutating_admission_policy_binding delete_collection_mutating_admission_policy delete_collection_mutating_admission_policy_binding delete_mutating_admission_policy delete_mutating_admission_policy_binding list_mutating_admission_policy list_mutating_admission_policy_binding patch_mutating_admission_policy patch_mutating_admission_policy_binding read_mutating_admission_policy read_mutating_admission_policy_binding replace_mutating_admission_policy replace_mutating_admission_policy_binding" },
  AdmissionregistrationV1beta1Api: { "28-33": "create_validating_admission_policy create_validating_admission_policy_binding delete_collection_validating_admission_policy delete_collection_validating_admission_policy_binding delete_validating_admission_policy delete_validating_admission_policy_binding list_validating_admission_policy list_validating_admission_policy_binding patch_validating_admission_policy patch_validating_admission_policy_binding patch_validating_admission_policy_status read_validating_admission_policy read_validating_admission_policy_binding read_validating_admission_policy_status replace_validating_admission_policy replace_validating_admission_policy_binding replace_validating_admission_policy_status", "34-36": "create_mutating_admission_policy create_mutating_admission_policy_binding delete_collection_mutating_admission_policy delete_collection_mutating_admission_policy_binding delete_mutating_admission_policy delete_mutating_admission_policy_binding list_mutating_admission_policy list_mutating_admission_policy_binding patch_mutating_admission_policy patch_mutating_admission_policy_binding read_mutating_admission_policy read_mutating_admission_policy_binding replace_mutating_admission_policy replace_mutating_admission_policy_binding", "5-21": "create_mutating_webhook_configuration create_validating_webhook_configuration delete_collection_mutating_webhook_configuration delete_collection_validating_webhook_configuration delete_mutating_webhook_configuration delete_validating_webhook_configuration list_mutating_webhook_configuration list_validating_webhook_configuration patch_mutating_webhook_configuration patch_validating_webhook_configuration read_mutating_webhook_configuration read_validating_webhook_configuration replace_mutating_webhook_configuration replace_validating_webhook_configuration" },
  ApiextensionsV1beta1Api: { "7-21": "patch_custom_resource_definition_status read_custom_resource_definition_status" },
  ApiregistrationV1Api: { "7-36": "patch_api_service_status read_api_service_status" },
  ApiregistrationV1beta1Api: { "7-21": "patch_api_service_status read_api_service_status" },
  AppsV1beta1Api: { "2-17": "create_namespaced_deployment delete_collection_namespaced_deployment delete_namespaced_deployment list_deployment_for_all_namespaces list_namespaced_deployment patch_namespaced_deployment patch_namespaced_deployment_status read_namespaced_deployment read_namespaced_deployment_status replace_namespaced_deployment replace_namespaced_deployment_status", "2-2": "create_namespaced_deployment_rollback_rollback patch_namespaced_scale_scale read_namespaced_scale_scale replace_namespaced_scale_scale", "3-17": "create_namespaced_controller_revision create_namespaced_deployment_rollback delete_collection_namespaced_controller_revision delete_namespaced_controller_revision list_controller_revision_for_all_namespaces list_namespaced_controller_revision patch_namespaced_controller_revision patch_namespaced_deployment_scale read_namespaced_controller_revision read_namespaced_deployment_scale replace_namespaced_controller_revision replace_namespaced_deployment_scale", "4-17": "patch_namespaced_stateful_set_scale read_namespaced_stateful_set_scale replace_namespaced_stateful_set_scale" },
  AuthenticationV1Api: { "28-36": "create_self_subject_review" },
  AuthenticationV1beta1Api: { "1-21": "create_token_review", "27-32": "create_self_subject_review" },
  AuthorizationV1Api: { "4-36": "create_self_subject_rules_review" },
  AuthorizationV1beta1Api: { "4-21": "create_self_subject_rules_review" },
  BatchV1Api: { "21-36": "create_namespaced_cron_job delete_collection_namespaced_cron_job delete_namespaced_cron_job list_cron_job_for_all_namespaces list_namespaced_cron_job patch_namespaced_cron_job patch_namespaced_cron_job_status read_namespaced_cron_job read_namespaced_cron_job_status replace_namespaced_cron_job replace_namespaced_cron_job_status" },
  BatchV2alpha1Api: { "1-1": "create_namespaced_job delete_collection_namespaced_job delete_namespaced_job list_job_for_all_namespaces list_namespaced_job patch_namespaced_job patch_namespaced_job_status read_namespaced_job read_namespaced_job_status replace_namespaced_job replace_namespaced_job_status", "1-3": "create_namespaced_scheduled_job delete_collection_namespaced_scheduled_job delete_namespaced_scheduled_job list_namespaced_scheduled_job list_scheduled_job_for_all_namespaces patch_namespaced_scheduled_job patch_namespaced_scheduled_job_status read_namespaced_scheduled_job read_namespaced_scheduled_job_status replace_namespaced_scheduled_job replace_namespaced_scheduled_job_status" },
  CertificatesV1alpha1Api: { "1-1": "create_certificate_signing_request delete_certificate_signing_request delete_collection_certificate_signing_request list_certificate_signing_request patch_certificate_signing_request read_certificate_signing_request replace_certificate_signing_request replace_certificate_signing_request_approval replace_certificate_signing_request_status", "27-36": "create_cluster_trust_bundle delete_cluster_trust_bundle delete_collection_cluster_trust_bundle list_cluster_trust_bundle patch_cluster_trust_bundle read_cluster_trust_bundle replace_cluster_trust_bundle", "34-34": "create_namespaced_pod_certificate_request delete_collection_namespaced_pod_certificate_request delete_namespaced_pod_certificate_request list_namespaced_pod_certificate_request list_pod_certificate_request_for_all_namespaces patch_namespaced_pod_certificate_request patch_namespaced_pod_certificate_request_status read_namespaced_pod_certificate_request read_namespaced_pod_certificate_request_status replace_namespaced_pod_certificate_request replace_namespaced_pod_certificate_request_status" },
  CertificatesV1beta1Api: { "19-21": "patch_certificate_signing_request_approval read_certificate_signing_request_approval", "2-21": "create_certificate_signing_request delete_certificate_signing_request delete_collection_certificate_signing_request list_certificate_signing_request patch_certificate_signing_request read_certificate_signing_request replace_certificate_signing_request replace_certificate_signing_request_approval replace_certificate_signing_request_status", "33-36": "create_cluster_trust_bundle delete_cluster_trust_bundle delete_collection_cluster_trust_bundle list_cluster_trust_bundle patch_cluster_trust_bundle read_cluster_trust_bundle replace_cluster_trust_bundle", "35-36": "create_namespaced_pod_certificate_request delete_collection_namespaced_pod_certificate_request delete_namespaced_pod_certificate_request list_namespaced_pod_certificate_request list_pod_certificate_request_for_all_namespaces patch_namespaced_pod_certificate_request patch_namespaced_pod_certificate_request_status read_namespaced_pod_certificate_request read_namespaced_pod_certificate_request_status replace_namespaced_pod_certificate_request replace_namespaced_pod_certificate_request_status", "7-21": "patch_certificate_signing_request_status read_certificate_signing_request_status" },
  CoordinationV1beta1Api: { "33-36": "create_namespaced_lease_candidate delete_collection_namespaced_lease_candidate delete_namespaced_lease_candidate list_lease_candidate_for_all_namespaces list_namespaced_lease_candidate patch_namespaced_lease_candidate read_namespaced_lease_candidate replace_namespaced_lease_candidate", "8-21": "create_namespaced_lease delete_collection_namespaced_lease delete_namespaced_lease list_lease_for_all_namespaces list_namespaced_lease patch_namespaced_lease read_namespaced_lease replace_namespaced_lease" },
  CoreV1Api: { "1-2": "create_namespaced_binding_binding create_namespaced_eviction_eviction delete_collection_namespace patch_namespaced_scale_scale read_namespaced_scale_scale replace_namespaced_scale_scale", "1-5": "proxy_delete_namespaced_pod proxy_delete_namespaced_pod_with_path proxy_delete_namespaced_service proxy_delete_namespaced_service_with_path proxy_delete_node proxy_delete_node_with_path proxy_get_namespaced_pod proxy_get_namespaced_pod_with_path proxy_get_namespaced_service proxy_get_namespaced_service_with_path proxy_get_node proxy_get_node_with_path proxy_head_namespaced_pod proxy_head_namespaced_pod_with_path proxy_head_namespaced_service proxy_head_namespaced_service_with_path proxy_head_node proxy_head_node_with_path proxy_options_namespaced_pod proxy_options_namespaced_pod_with_path proxy_options_namespaced_service proxy_options_namespaced_service_with_path proxy_options_node proxy_options_node_with_path proxy_post_namespaced_pod proxy_post_namespaced_pod_with_path proxy_post_namespaced_service proxy_post_namespaced_service_with_path proxy_post_node proxy_post_node_with_path proxy_put_namespaced_pod proxy_put_namespaced_pod_with_path proxy_put_namespaced_service proxy_put_namespaced_service_with_path proxy_put_node proxy_put_node_with_path", "12-36": "create_namespaced_service_account_token", "2-5": "proxy_patch_namespaced_pod proxy_patch_namespaced_pod_with_path proxy_patch_namespaced_service proxy_patch_namespaced_service_with_path proxy_patch_node proxy_patch_node_with_path", "21-36": "patch_namespaced_pod_ephemeralcontainers read_namespaced_pod_ephemeralcontainers replace_namespaced_pod_ephemeralcontainers", "23-36": "delete_collection_namespaced_service", "3-36": "connect_patch_namespaced_pod_proxy connect_patch_namespaced_pod_proxy_with_path connect_patch_namespaced_service_proxy connect_patch_namespaced_service_proxy_with_path connect_patch_node_proxy connect_patch_node_proxy_with_path create_namespaced_pod_binding create_namespaced_pod_eviction patch_namespaced_replication_controller_scale read_namespaced_replication_controller_scale replace_namespaced_replication_controller_scale", "32-36": "patch_namespaced_pod_resize read_namespaced_pod_resize replace_namespaced_pod_resize" },
  CustomObjectsApi: { "12-36": "delete_collection_cluster_custom_object delete_collection_namespaced_custom_object", "25-36": "get_api_resources", "32-36": "list_custom_object_for_all_namespaces", "6-36": "patch_cluster_custom_object patch_namespaced_custom_object", "6-6,8-36": "get_cluster_custom_object_scale get_cluster_custom_object_status get_namespaced_custom_object_scale get_namespaced_custom_object_status patch_cluster_custom_object_scale patch_cluster_custom_object_status patch_namespaced_custom_object_scale patch_namespaced_custom_object_status replace_cluster_custom_object_scale replace_cluster_custom_object_status replace_namespaced_custom_object_scale replace_namespaced_custom_object_status" },
  ExtensionsV1beta1Api: { "1-1": "create_namespaced_horizontal_pod_autoscaler create_namespaced_job delete_collection_namespaced_horizontal_pod_autoscaler delete_collection_namespaced_job delete_namespaced_horizontal_pod_autoscaler delete_namespaced_job list_horizontal_pod_autoscaler_for_all_namespaces list_job_for_all_namespaces list_namespaced_horizontal_pod_autoscaler list_namespaced_job patch_namespaced_horizontal_pod_autoscaler patch_namespaced_horizontal_pod_autoscaler_status patch_namespaced_job patch_namespaced_job_status read_namespaced_horizontal_pod_autoscaler read_namespaced_horizontal_pod_autoscaler_status read_namespaced_job read_namespaced_job_status replace_namespaced_horizontal_pod_autoscaler replace_namespaced_horizontal_pod_autoscaler_status replace_namespaced_job replace_namespaced_job_status", "1-17": "create_namespaced_daemon_set create_namespaced_deployment create_namespaced_network_policy create_namespaced_replica_set delete_collection_namespaced_daemon_set delete_collection_namespaced_deployment delete_collection_namespaced_network_policy delete_collection_namespaced_replica_set delete_namespaced_daemon_set delete_namespaced_deployment delete_namespaced_network_policy delete_namespaced_replica_set list_daemon_set_for_all_namespaces list_deployment_for_all_namespaces list_namespaced_daemon_set list_namespaced_deployment list_namespaced_network_policy list_namespaced_replica_set list_network_policy_for_all_namespaces list_replica_set_for_all_namespaces patch_namespaced_daemon_set patch_namespaced_daemon_set_status patch_namespaced_deployment patch_namespaced_deployment_status patch_namespaced_network_policy patch_namespaced_replica_set patch_namespaced_replica_set_status read_namespaced_daemon_set read_namespaced_daemon_set_status read_namespaced_deployment read_namespaced_deployment_status read_namespaced_network_policy read_namespaced_replica_set read_namespaced_replica_set_status replace_namespaced_daemon_set replace_namespaced_daemon_set_status replace_namespaced_deployment replace_namespaced_deployment_status replace_namespaced_network_policy replace_namespaced_replica_set replace_namespaced_replica_set_status", "1-2": "create_namespaced_deployment_rollback_rollback patch_namespaced_deployments_scale patch_namespaced_replicasets_scale patch_namespaced_replicationcontrollers_scale read_namespaced_deployments_scale read_namespaced_replicasets_scale read_namespaced_replicationcontrollers_scale replace_namespaced_deployments_scale replace_namespaced_replicasets_scale replace_namespaced_replicationcontrollers_scale", "1-3": "create_third_party_resource delete_collection_third_party_resource delete_third_party_resource list_third_party_resource patch_third_party_resource read_third_party_resource replace_third_party_resource", "2-17": "create_pod_security_policy delete_collection_pod_security_policy delete_pod_security_policy list_pod_security_policy patch_pod_security_policy read_pod_security_policy replace_pod_security_policy", "3-17": "create_namespaced_deployment_rollback patch_namespaced_deployment_scale patch_namespaced_replica_set_scale patch_namespaced_replication_controller_dummy_scale read_namespaced_deployment_scale read_namespaced_replica_set_scale read_namespaced_replication_controller_dummy_scale replace_namespaced_deployment_scale replace_namespaced_replica_set_scale replace_namespaced_replication_controller_dummy_scale" },
  NetworkingV1Api: { "19-36": "create_ingress_class create_namespaced_ingress delete_collection_ingress_class delete_collection_namespaced_ingress delete_ingress_class delete_namespaced_ingress list_ingress_class list_ingress_for_all_namespaces list_namespaced_ingress patch_ingress_class patch_namespaced_ingress patch_namespaced_ingress_status read_ingress_class read_namespaced_ingress read_namespaced_ingress_status replace_ingress_class replace_namespaced_ingress replace_namespaced_ingress_status", "24-27": "patch_namespaced_network_policy_status read_namespaced_network_policy_status replace_namespaced_network_policy_status", "33-36": "create_ip_address create_service_cidr delete_collection_ip_address delete_collection_service_cidr delete_ip_address delete_service_cidr list_ip_address list_service_cidr patch_ip_address patch_service_cidr patch_service_cidr_status read_ip_address read_service_cidr read_service_cidr_status replace_ip_address replace_service_cidr replace_service_cidr_status" },
  NetworkingV1alpha1Api: { "25-28": "create_cluster_cidr delete_cluster_cidr delete_collection_cluster_cidr list_cluster_cidr patch_cluster_cidr read_cluster_cidr replace_cluster_cidr", "27-30": "create_ip_address delete_collection_ip_address delete_ip_address list_ip_address patch_ip_address read_ip_address replace_ip_address", "29-30": "create_service_cidr delete_collection_service_cidr delete_service_cidr list_service_cidr patch_service_cidr patch_service_cidr_status read_service_cidr read_service_cidr_status replace_service_cidr replace_service_cidr_status" },
  NetworkingV1beta1Api: { "10-21": "create_namespaced_ingress delete_collection_namespaced_ingress delete_namespaced_ingress list_ingress_for_all_namespaces list_namespaced_ingress patch_namespaced_ingress patch_namespaced_ingress_status read_namespaced_ingress read_namespaced_ingress_status replace_namespaced_ingress replace_namespaced_ingress_status", "18-21": "create_ingress_class delete_collection_ingress_class delete_ingress_class list_ingress_class patch_ingress_class read_ingress_class replace_ingress_class", "31-36": "create_ip_address create_service_cidr delete_collection_ip_address delete_collection_service_cidr delete_ip_address delete_service_cidr list_ip_address list_service_cidr patch_ip_address patch_service_cidr patch_service_cidr_status read_ip_address read_service_cidr read_service_cidr_status replace_ip_address replace_service_cidr replace_service_cidr_status" },
  PolicyV1beta1Api: { "6-24": "create_pod_security_policy delete_collection_pod_security_policy delete_pod_security_policy list_pod_security_policy patch_pod_security_policy read_pod_security_policy replace_pod_security_policy" },
  ResourceV1alpha2Api: { "30-30": "create_namespaced_resource_claim_parameters create_namespaced_resource_class_parameters create_resource_slice delete_collection_namespaced_resource_claim_parameters delete_collection_namespaced_resource_class_parameters delete_collection_resource_slice delete_namespaced_resource_claim_parameters delete_namespaced_resource_class_parameters delete_resource_slice list_namespaced_resource_claim_parameters list_namespaced_resource_class_parameters list_resource_claim_parameters_for_all_namespaces list_resource_class_parameters_for_all_namespaces list_resource_slice patch_namespaced_resource_claim_parameters patch_namespaced_resource_class_parameters patch_resource_slice read_namespaced_resource_claim_parameters read_namespaced_resource_class_parameters read_resource_slice replace_namespaced_resource_claim_parameters replace_namespaced_resource_class_parameters replace_resource_slice" },
  ResourceV1alpha3Api: { "31-31": "create_namespaced_pod_scheduling_context delete_collection_namespaced_pod_scheduling_context delete_namespaced_pod_scheduling_context list_namespaced_pod_scheduling_context list_pod_scheduling_context_for_all_namespaces patch_namespaced_pod_scheduling_context patch_namespaced_pod_scheduling_context_status read_namespaced_pod_scheduling_context read_namespaced_pod_scheduling_context_status replace_namespaced_pod_scheduling_context replace_namespaced_pod_scheduling_context_status", "31-33": "create_device_class create_namespaced_resource_claim create_namespaced_resource_claim_template create_resource_slice delete_collection_device_class delete_collection_namespaced_resource_claim delete_collection_namespaced_resource_claim_template delete_collection_resource_slice delete_device_class delete_namespaced_resource_claim delete_namespaced_resource_claim_template delete_resource_slice list_device_class list_namespaced_resource_claim list_namespaced_resource_claim_template list_resource_claim_for_all_namespaces list_resource_claim_template_for_all_namespaces list_resource_slice patch_device_class patch_namespaced_resource_claim patch_namespaced_resource_claim_status patch_namespaced_resource_claim_template patch_resource_slice read_device_class read_namespaced_resource_claim read_namespaced_resource_claim_status read_namespaced_resource_claim_template read_resource_slice replace_device_class replace_namespaced_resource_claim replace_namespaced_resource_claim_status replace_namespaced_resource_claim_template replace_resource_slice", "33-36": "create_device_taint_rule delete_collection_device_taint_rule delete_device_taint_rule list_device_taint_rule patch_device_taint_rule read_device_taint_rule replace_device_taint_rule", "35-36": "patch_device_taint_rule_status read_device_taint_rule_status replace_device_taint_rule_status", "36-36": "create_resource_pool_status_request delete_collection_resource_pool_status_request delete_resource_pool_status_request list_resource_pool_status_request patch_resource_pool_status_request patch_resource_pool_status_request_status read_resource_pool_status_request read_resource_pool_status_request_status replace_resource_pool_status_request replace_resource_pool_status_request_status" },
  ResourceV1beta2Api: { "36-36": "create_device_taint_rule delete_collection_device_taint_rule delete_device_taint_rule list_device_taint_rule patch_device_taint_rule patch_device_taint_rule_status read_device_taint_rule read_device_taint_rule_status replace_device_taint_rule replace_device_taint_rule_status" },
  SchedulingV1alpha1Api: { "35-35": "create_namespaced_workload delete_collection_namespaced_workload delete_namespaced_workload list_namespaced_workload list_workload_for_all_namespaces patch_namespaced_workload read_namespaced_workload replace_namespaced_workload", "4-22": "create_priority_class delete_collection_priority_class delete_priority_class list_priority_class patch_priority_class read_priority_class replace_priority_class" },
  StorageV1Api: { "17-36": "create_csi_node delete_collection_csi_node delete_csi_node list_csi_node patch_csi_node read_csi_node replace_csi_node", "18-36": "create_csi_driver delete_collection_csi_driver delete_csi_driver list_csi_driver patch_csi_driver read_csi_driver replace_csi_driver", "24-36": "create_namespaced_csi_storage_capacity delete_collection_namespaced_csi_storage_capacity delete_namespaced_csi_storage_capacity list_csi_storage_capacity_for_all_namespaces list_namespaced_csi_storage_capacity patch_namespaced_csi_storage_capacity read_namespaced_csi_storage_capacity replace_namespaced_csi_storage_capacity", "34-36": "create_volume_attributes_class delete_collection_volume_attributes_class delete_volume_attributes_class list_volume_attributes_class patch_volume_attributes_class read_volume_attributes_class replace_volume_attributes_class", "9-36": "create_volume_attachment delete_collection_volume_attachment delete_volume_attachment list_volume_attachment patch_volume_attachment patch_volume_attachment_status read_volume_attachment read_volume_attachment_status replace_volume_attachment replace_volume_attachment_status" },
  StorageV1alpha1Api: { "21-23": "create_namespaced_csi_storage_capacity delete_collection_namespaced_csi_storage_capacity delete_namespaced_csi_storage_capacity list_csi_storage_capacity_for_all_namespaces list_namespaced_csi_storage_capacity patch_namespaced_csi_storage_capacity read_namespaced_csi_storage_capacity replace_namespaced_csi_storage_capacity", "29-34": "create_volume_attributes_class delete_collection_volume_attributes_class delete_volume_attributes_class list_volume_attributes_class patch_volume_attributes_class read_volume_attributes_class replace_volume_attributes_class", "5-22": "create_volume_attachment delete_collection_volume_attachment delete_volume_attachment list_volume_attachment patch_volume_attachment read_volume_attachment replace_volume_attachment" },
  StorageV1beta1Api: { "1-21": "create_storage_class delete_collection_storage_class delete_storage_class list_storage_class patch_storage_class read_storage_class replace_storage_class", "10-21": "create_csi_driver create_csi_node delete_collection_csi_driver delete_collection_csi_node delete_csi_driver delete_csi_node list_csi_driver list_csi_node patch_csi_driver patch_csi_node read_csi_driver read_csi_node replace_csi_driver replace_csi_node", "21-26": "create_namespaced_csi_storage_capacity delete_collection_namespaced_csi_storage_capacity delete_namespaced_csi_storage_capacity list_csi_storage_capacity_for_all_namespaces list_namespaced_csi_storage_capacity patch_namespaced_csi_storage_capacity read_namespaced_csi_storage_capacity replace_namespaced_csi_storage_capacity", "31-36": "create_volume_attributes_class delete_collection_volume_attributes_class delete_volume_attributes_class list_volume_attributes_class patch_volume_attributes_class read_volume_attributes_class replace_volume_attributes_class", "6-21": "create_volume_attachment delete_collection_volume_attachment delete_volume_attachment list_volume_attachment patch_volume_attachment read_volume_attachment replace_volume_attachment" },
};

/** The client majors that have a method of a class, where releases differ on it. */
function methodRanges(apiClass: string, method: string): number[][] | undefined {
  for (const [key, names] of Object.entries(PYTHON_CLIENT_VARYING_METHODS[apiClass] ?? {})) {
    if (names.split(" ").includes(method)) return key.split(",").map((r) => r.split("-").map(Number));
  }
  return undefined;
}
const API_CLASS = /\b(?:has\s+no\s+attribute|cannot\s+import\s+name)\s+\\?'([A-Z][A-Za-z]{1,40}V\d{1,2}(?:(?:alpha|beta)\d{1,2})?Api)\\?'|\\?'?([A-Z][A-Za-z]{1,40}V\d{1,2}(?:(?:alpha|beta)\d{1,2})?Api)\\?'?\s+object\s+has\s+no\s+attribute/;

// The API group of a class's leading words (CamelCase of the group's name, as the client generator writes it).
const CLASS_GROUPS: Record<string, string> = {
  Core: "", Apps: "apps", Batch: "batch", Extensions: "extensions", Policy: "policy", Autoscaling: "autoscaling",
  Networking: "networking.k8s.io", RbacAuthorization: "rbac.authorization.k8s.io", Apiextensions: "apiextensions.k8s.io",
  Apiregistration: "apiregistration.k8s.io", Admissionregistration: "admissionregistration.k8s.io", Storage: "storage.k8s.io",
  Scheduling: "scheduling.k8s.io", Coordination: "coordination.k8s.io", Discovery: "discovery.k8s.io", Events: "events.k8s.io",
  Node: "node.k8s.io", FlowcontrolApiserver: "flowcontrol.apiserver.k8s.io", Certificates: "certificates.k8s.io",
  Authentication: "authentication.k8s.io", Authorization: "authorization.k8s.io", Resource: "resource.k8s.io",
  Settings: "settings.k8s.io", Auditregistration: "auditregistration.k8s.io", Storagemigration: "storagemigration.k8s.io",
  InternalApiserver: "internal.apiserver.k8s.io",
};

/** The client majors as release names: 12 → "12.x", and the Kubernetes minor each follows. */
function clientRelease(major: number): string {
  return `${major}.x (Kubernetes ${major === 12 ? "1.16" : major >= 17 ? `1.${major}` : `1.${major + 4}`})`;
}

/**
 * python-client-api-class-missing. The class table says which client releases have the class: one the newest client
 * lacks was removed with its API version (the client is newer than the code: a cause); one the newest client has is
 * missing only from old clients (or a stale install, user-cont/conu#240: a warning); one no release ever had is a typo.
 */
const diagnosePythonApiClass: Diagnoser = (input) => {
  const text = input.finding.text;
  if (CODE_OR_NOTE.test(text)) return { verdict: "not-skew", headline: "The client's AttributeError quoted in code or a note, not a run that raised it.", versions: [] };
  // A class name of 16+ letters and digits reads as base64 to the redactor, which masks the capture alone
  // ("ExtensionsV1beta1Api"): the line itself keeps it.
  const classMatch = API_CLASS.exec(text);
  const apiClass = classMatch?.[1] ?? classMatch?.[2] ?? input.capture("apiClass") ?? "";
  const method = input.capture("method");
  if (method !== undefined) return methodDiagnosis(input, apiClass, method);
  const ranges = PYTHON_CLIENT_API_CLASSES[apiClass];
  if (!ranges || ranges.length === 0) {
    return { verdict: "not-skew", headline: `No release of the Python kubernetes client has a class ${apiClass}: a misspelt class name, not a version skew.`, versions: [] };
  }
  const m = /^([A-Z][A-Za-z]*?)(V\d+(?:(?:alpha|beta)\d+)?)Api$/.exec(apiClass);
  const group = m ? CLASS_GROUPS[m[1]!] : undefined;
  const gv = m && group !== undefined ? (group === "" ? m[2]!.toLowerCase() : `${group}/${m[2]!.toLowerCase()}`) : undefined;
  const removed = gv ? REMOVED_APIS[gv] : undefined;
  const first = ranges[0]![0]!;
  const last = ranges[ranges.length - 1]![1]!;
  const span = ranges.map(([a, b]) => (a === b ? `${a}.x` : `${a}.x–${b}.x`)).join(", ");
  const versions: VersionRole[] = [];
  const source = "Python client class table (kubernetes-client/python tags)";
  if (last < PYTHON_CLIENT_NEWEST) {
    versions.push({ name: "lastClient", version: `${last}`, role: `last Python client major with ${apiClass}`, source });
    if (removed) versions.push({ name: "removedIn", version: removed.removedIn, role: `Kubernetes release that stopped serving ${gv}`, source: "removal table" });
    return {
      verdict: "cause",
      headline: `The installed kubernetes Python package is newer than the code: ${apiClass}${gv ? ` (${gv})` : ""} is only in client releases ${span}${removed ? `, and went when Kubernetes ${removed.removedIn} stopped serving ${gv}` : ""}. The code was written for an older Kubernetes API than the client it now runs with.`,
      versions,
      fixes: [
        removed ? `Move the code to ${removed.replacement} (the client's class for it), then unpin.` : `Move the code to the API version that replaced ${gv ?? apiClass}.`,
        `Meanwhile pin the client below its removal: pip install 'kubernetes<${last + 1}' (${clientRelease(last)} is the last with the class).`,
      ],
    };
  }
  // A class that went with its API version and came back with new kinds (networking.k8s.io/v1beta1 in Kubernetes 1.31):
  // the releases between lack it, and a client among them is newer than the code.
  const gaps = ranges.slice(1).map(([a], i) => [ranges[i]![1]! + 1, a! - 1] as const).map(([a, b]) => [a === 13 ? 17 : a, b] as const).filter(([a, b]) => a <= b);
  if (removed && gaps.length > 0) {
    const gapText = gaps.map(([a, b]) => (a === b ? `${a}.x` : `${a}.x–${b}.x`)).join(", ");
    versions.push({ name: "lastClient", version: `${gaps[0]![0] === 17 ? 12 : gaps[0]![0] - 1}`, role: `last Python client major with ${apiClass} before Kubernetes ${removed.removedIn} removed ${gv}`, source });
    versions.push({ name: "removedIn", version: removed.removedIn, role: `Kubernetes release that stopped serving ${gv}`, source: "removal table" });
    return {
      verdict: "cause",
      headline: `${apiClass} (${gv}) is missing from Python client releases ${gapText}: Kubernetes ${removed.removedIn} stopped serving ${gv}, and the clients that follow it dropped the class until a later release brought the group/version back for other kinds (client releases with it: ${span}). The installed client is newer than the code, which was written for the old ${gv} API.`,
      versions,
      fixes: [`Move the code to ${removed.replacement} (the client's class for it).`, `Or pin the client to the last release with the class before the removal (pip install 'kubernetes<${gaps[0]![0]}').`],
    };
  }
  versions.push({ name: "firstClient", version: `${first}`, role: `first Python client major with ${apiClass}`, source });
  return {
    verdict: "warning",
    headline: `${apiClass}${gv ? ` (${gv})` : ""} is in every Python client release since ${clientRelease(first)}${ranges.length > 1 ? ` (${span})` : ""}: the installed kubernetes package is older than the code expects, or the environment runs another installation than the one upgraded.`,
    versions,
    fixes: [
      `Check which kubernetes package the failing interpreter imports (python -c 'import kubernetes; print(kubernetes.__version__, kubernetes.__file__)') and upgrade it to ${first}.0 or later.`,
    ],
  };
};

/** An API class without a method the code calls: the method table says which client releases have it. */
function methodDiagnosis(input: Parameters<Diagnoser>[0], apiClass: string, asked: string): ReturnType<Diagnoser> {
  // kubernetes.utils.create_from_yaml calls create_namespaced_<kind> where the class has it, else create_<kind>: a missing
  // "create_ingress" on NetworkingV1Api is the namespaced method missing (kubernetes-client/python#1545).
  const fallback = /^create_(?!namespaced_)(\w+)$/.exec(asked);
  const method = !methodRanges(apiClass, asked) && fallback && methodRanges(apiClass, `create_namespaced_${fallback[1]}`) ? `create_namespaced_${fallback[1]}` : asked;
  const ranges = methodRanges(apiClass, method);
  if (!ranges || !PYTHON_CLIENT_API_CLASSES[apiClass]) {
    return { verdict: "not-skew", headline: `${apiClass}.${method} is not a method that some releases of the Python client have and others lack (a typo, or a method of another API class): not a version skew.`, versions: [] };
  }
  const span = ranges.map(([a, b]) => (a === b ? `${a}.x` : `${a}.x–${b}.x`)).join(", ");
  const first = ranges[0]![0]!;
  const last = ranges[ranges.length - 1]![1]!;
  const source = "Python client method table (kubernetes-client/python tags)";
  if (last >= PYTHON_CLIENT_NEWEST) {
    return {
      verdict: "cause",
      headline: `${apiClass}.${method} is only in Python client releases ${span}: the installed kubernetes package is older than ${clientRelease(first)}, the first whose ${apiClass} serves that kind. The code was written for a newer Kubernetes API than the client it runs with.`,
      versions: [{ name: "firstClient", version: `${first}`, role: `first Python client major with ${apiClass}.${method}`, source }],
      fixes: [`Upgrade the kubernetes package to ${first}.0 or later (pip install 'kubernetes>=${first}'), or call the older API version's class the installed client has.`],
    };
  }
  return {
    verdict: "cause",
    headline: `${apiClass}.${method} is only in Python client releases ${span}: the installed kubernetes package is newer, and no longer has it. The code was written for an older Kubernetes API than the client it runs with.`,
    versions: [{ name: "lastClient", version: `${last}`, role: `last Python client major with ${apiClass}.${method}`, source }],
    fixes: [`Move the code to the API version that serves the kind now, or pin the client: pip install 'kubernetes<${last + 1}'.`],
  };
}

export const generic16Diagnosers: Record<string, Diagnoser> = {
  "oci-runtime-spec-version-unsupported": diagnoseOciSpecVersion,
  "python-client-api-class-missing": diagnosePythonApiClass,
};
