package fr.aiguillage.web;

import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract, as the router's request validation sees it, with one change: a schema's validator is built
 * once and kept. vertx-openapi 5.0.7 builds a new one for every parameter and body of every request
 * (copying the whole schema repository each time), which was half the service's CPU under load. A
 * validator holds only final state and is safe to share; the schemas are the contract's own, fixed once it
 * is loaded, so they are recognised by identity.
 */
final class ReusedValidators implements OpenAPIContract {

  private final OpenAPIContract contract;
  private final SchemaRepository repository;

  ReusedValidators(OpenAPIContract contract) {
    this.contract = contract;
    this.repository = new Repository(contract.getSchemaRepository());
  }

  @Override
  public SchemaRepository getSchemaRepository() {
    return repository;
  }

  @Override
  public Operation operation(String operationId) {
    return contract.operation(operationId);
  }

  @Override
  public List<Operation> operations() {
    return contract.operations();
  }

  @Override
  public List<Path> getPaths() {
    return contract.getPaths();
  }

  @Override
  public JsonObject getRawContract() {
    return contract.getRawContract();
  }

  @Override
  public OpenAPIVersion getVersion() {
    return contract.getVersion();
  }

  @Override
  public List<Server> getServers() {
    return contract.getServers();
  }

  @Override
  public Path findPath(String urlPath) {
    return contract.findPath(urlPath);
  }

  @Override
  public Operation findOperation(String urlPath, HttpMethod method) {
    return contract.findOperation(urlPath, method);
  }

  @Override
  public List<SecurityRequirement> getSecurityRequirements() {
    return contract.getSecurityRequirements();
  }

  @Override
  public SecurityScheme securityScheme(String name) {
    return contract.securityScheme(name);
  }

  /** The contract's repository; {@link #validator(JsonSchema)} answers from a cache. */
  private static final class Repository implements SchemaRepository {

    private final SchemaRepository schemas;
    /**
     * Read on every request by every event loop without a lock: a map is never changed once published, a new
     * validator is added to a copy (a few dozen, once each). A lock around every read was one more point where the
     * loops waited for each other (decision 0025).
     */
    private volatile Map<JsonSchema, Validator> built = new IdentityHashMap<>();

    Repository(SchemaRepository schemas) {
      this.schemas = schemas;
    }

    @Override
    public Validator validator(JsonSchema schema) {
      Validator validator = built.get(schema);
      return validator != null ? validator : build(schema);
    }

    private synchronized Validator build(JsonSchema schema) {
      Validator validator = built.get(schema);
      if (validator == null) {
        validator = schemas.validator(schema);
        Map<JsonSchema, Validator> more = new IdentityHashMap<>(built);
        more.put(schema, validator);
        built = more;
      }
      return validator;
    }

    @Override
    public SchemaRepository dereference(JsonSchema schema) {
      return schemas.dereference(schema);
    }

    @Override
    public SchemaRepository dereference(String uri, JsonSchema schema) {
      return schemas.dereference(uri, schema);
    }

    @Override
    public SchemaRepository preloadMetaSchema(FileSystem fs) {
      return schemas.preloadMetaSchema(fs);
    }

    @Override
    public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
      return schemas.preloadMetaSchema(fs, draft);
    }

    @Override
    public Validator validator(String ref) {
      return schemas.validator(ref);
    }

    @Override
    public Validator validator(String ref, JsonSchemaOptions options) {
      return schemas.validator(ref, options);
    }

    @Override
    public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
      return schemas.validator(schema, options, dereference);
    }

    @Override
    public JsonObject resolve(JsonObject schema) {
      return schemas.resolve(schema);
    }

    @Override
    public JsonSchema find(String pointer) {
      return schemas.find(pointer);
    }
  }
}
