package fr.aiguillage.agenda.http;

import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.agenda.model.NewSlot;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.agenda.model.SlotQuery;
import fr.aiguillage.agenda.model.SlotStatus;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code /api/v1/professionals/{id}/slots} and {@code /api/v1/slots/{id}}. */
public final class SlotRoutes {

  record SlotList(List<Slot> items) {
  }

  record StatusChange(SlotStatus status) {
  }

  private final SlotService slots;

  public SlotRoutes(SlotService slots) {
    this.slots = slots;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("createSlot").addHandler(this::create);
    api.getRoute("listSlots").addHandler(this::list);
    api.getRoute("getSlot").addHandler(this::get);
    api.getRoute("updateSlot").addHandler(this::update);
    api.getRoute("cancelSlot").addHandler(this::cancel);
  }

  private void create(RoutingContext ctx) {
    NewSlot request = Requests.body(ctx, NewSlot.class);
    Responses.reply(ctx, slots.create(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), request),
        slot -> Responses.created(ctx, "/api/v1/slots/" + slot.id(), slot));
  }

  private void list(RoutingContext ctx) {
    OffsetDateTime from = Requests.queryTime(ctx, "from");
    OffsetDateTime to = Requests.queryTime(ctx, "to");
    String status = Requests.query(ctx, "status");
    String kind = Requests.query(ctx, "kind");
    SlotQuery query = new SlotQuery(Requests.pathUuid(ctx, "id"), from == null ? null : from.toInstant(),
        to == null ? null : to.toInstant(), status == null ? null : SlotStatus.fromWire(status),
        kind == null ? null : SlotKind.valueOf(kind));
    Responses.reply(ctx, slots.list(Requests.caller(ctx), query), items -> Responses.ok(ctx, new SlotList(items)));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, slots.get(Requests.caller(ctx), Requests.pathUuid(ctx, "id")), d -> Responses.ok(ctx, d));
  }

  private void update(RoutingContext ctx) {
    StatusChange change = Requests.body(ctx, StatusChange.class);
    Responses.reply(ctx, slots.changeStatus(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), change.status()),
        slot -> Responses.ok(ctx, slot));
  }

  private void cancel(RoutingContext ctx) {
    Responses.reply(ctx, slots.cancel(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        v -> Responses.noContent(ctx));
  }
}
