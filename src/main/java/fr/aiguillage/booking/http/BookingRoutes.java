package fr.aiguillage.booking.http;

import fr.aiguillage.booking.AppointmentService;
import fr.aiguillage.booking.BookSlot;
import fr.aiguillage.booking.MoveAppointment;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.AppointmentQuery;
import fr.aiguillage.booking.model.AppointmentStatus;
import fr.aiguillage.booking.model.BookingRequest;
import fr.aiguillage.booking.model.MoveRequest;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code /api/v1/appointments}. */
public final class BookingRoutes {

  record CancelRequest(String reason) {
  }

  record OutcomeRequest(AppointmentStatus status) {
  }

  record AppointmentList(List<Appointment> items) {
  }

  private final BookSlot booking;
  private final AppointmentService appointments;
  private final MoveAppointment moves;

  public BookingRoutes(BookSlot booking, AppointmentService appointments, MoveAppointment moves) {
    this.booking = booking;
    this.appointments = appointments;
    this.moves = moves;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("book").addHandler(this::book);
    api.getRoute("listAppointments").addHandler(this::list);
    api.getRoute("getAppointment").addHandler(this::get);
    api.getRoute("cancelAppointment").addHandler(this::cancel);
    api.getRoute("moveAppointment").addHandler(this::move);
    api.getRoute("recordOutcome").addHandler(this::outcome);
  }

  private void book(RoutingContext ctx) {
    BookingRequest request = Requests.body(ctx, BookingRequest.class);
    String key = ctx.request().getHeader("Idempotency-Key");
    Responses.reply(ctx, booking.book(Requests.caller(ctx), key, request), booked -> {
      String id = new JsonObject(booked.json()).getString("id");
      ctx.response().putHeader("Location", "/api/v1/appointments/" + id);
      if (booked.replayed()) {
        ctx.response().putHeader("Idempotent-Replayed", "true");
      }
      return ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8")
          .end(booked.json());
    });
  }

  private void list(RoutingContext ctx) {
    OffsetDateTime from = Requests.queryTime(ctx, "from");
    OffsetDateTime to = Requests.queryTime(ctx, "to");
    String status = Requests.query(ctx, "status");
    AppointmentQuery query = new AppointmentQuery(Requests.queryUuid(ctx, "professionalId"),
        Requests.queryUuid(ctx, "patientId"), from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
        status == null ? null : AppointmentStatus.fromWire(status), null, null, null,
        Requests.queryInt(ctx, "limit", 200));
    Responses.reply(ctx, appointments.find(Requests.caller(ctx), query),
        found -> Responses.ok(ctx, new AppointmentList(found)));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, appointments.get(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        a -> Responses.ok(ctx, a));
  }

  private void cancel(RoutingContext ctx) {
    CancelRequest request = Requests.body(ctx, CancelRequest.class);
    Responses.reply(ctx, appointments.cancel(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), request.reason()),
        a -> Responses.ok(ctx, a));
  }

  private void move(RoutingContext ctx) {
    MoveRequest request = Requests.body(ctx, MoveRequest.class);
    String key = ctx.request().getHeader("Idempotency-Key");
    Responses.reply(ctx, moves.move(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), key, request), moved -> {
      if (moved.replayed()) {
        ctx.response().putHeader("Idempotent-Replayed", "true");
      }
      return ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(moved.json());
    });
  }

  private void outcome(RoutingContext ctx) {
    OutcomeRequest request = Requests.body(ctx, OutcomeRequest.class);
    Responses.reply(ctx, appointments.recordOutcome(Requests.caller(ctx), Requests.pathUuid(ctx, "id"),
        request.status()), a -> Responses.ok(ctx, a));
  }
}
