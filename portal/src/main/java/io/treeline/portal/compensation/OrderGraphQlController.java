package io.treeline.portal.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.treeline.compensation.Customer;
import io.treeline.compensation.Customers;
import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderBatchException;
import io.treeline.compensation.OrderEvent;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.Orders;
import io.treeline.compensation.RecordedOrder;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;
import io.treeline.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The order mutations of the GraphQL API ({@code orders.graphqls}): record, pay and
 * return orders, one at a time or many in one call and transaction. Input that is
 * malformed or does not fit the order's state comes back as a typed error naming the
 * input field, and nothing is changed. Staff only.
 */
@Controller
class OrderGraphQlController {

	private static final Set<String> ORDER_FIELDS = Set.of("orderNumber", "currency");

	/** Events per call of {@code recordOrderEvents} at most. */
	static final int MAX_EVENTS = 10_000;

	private static final Set<String> LINE_FIELDS = Set.of("product", "quantity", "unitPrice", "vatRate", "pv", "bv");

	private final Orders orders;

	private final Partners partners;

	private final Customers customers;

	OrderGraphQlController(Orders orders, Partners partners, Customers customers) {
		this.orders = orders;
		this.partners = partners;
		this.customers = customers;
	}

	@MutationMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public OrderPayload recordOrder(@Argument RecordOrderInput input) {
		List<CompensationError> errors = new ArrayList<>();
		NewOrder order = newOrder(input, "", errors, (partner) -> this.partners.find(partner).isPresent());
		if (!errors.isEmpty() || order == null) {
			return new OrderPayload(null, false, errors);
		}
		try {
			return new OrderPayload(order.orderNumber(), this.orders.record(order), List.of());
		}
		catch (IllegalArgumentException ex) {
			return refused(orderField(order), ex.getMessage());
		}
	}

	/**
	 * Records many orders, payments and stornos in one transaction: each is checked as
	 * the single mutations check it, and the first one refused refuses the whole list,
	 * named by its place in the list ({@code events[3].payment.orderNumber}).
	 */
	@MutationMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public OrderEventsPayload recordOrderEvents(@Argument RecordOrderEventsInput input) {
		List<OrderEventInput> inputs = input.events();
		if (inputs.size() > MAX_EVENTS) {
			return OrderEventsPayload.refused(List.of(CompensationError.invalidInput("events",
					"At most " + MAX_EVENTS + " events per call (got " + inputs.size() + "); split the list")));
		}
		Set<PartnerNumber> named = new HashSet<>();
		for (OrderEventInput event : inputs) {
			if (event.order() != null && event.order().partner() != null) {
				try {
					named.add(PartnerNumber.of(event.order().partner()));
				}
				catch (IllegalArgumentException ex) {
					// reported with the order below
				}
			}
		}
		Set<PartnerNumber> known = this.partners.find(named).keySet();
		List<CompensationError> errors = new ArrayList<>();
		List<OrderEvent> events = new ArrayList<>(inputs.size());
		Instant now = Instant.now();
		for (int i = 0; i < inputs.size(); i++) {
			OrderEventInput event = inputs.get(i);
			String prefix = "events[" + i + "]";
			int given = ((event.order() != null) ? 1 : 0) + ((event.payment() != null) ? 1 : 0)
					+ ((event.storno() != null) ? 1 : 0);
			if (given != 1) {
				errors.add(CompensationError.invalidInput(prefix,
						"Give exactly one of order, payment and storno (got " + given + ")"));
			}
			else if (event.order() != null) {
				NewOrder order = newOrder(event.order(), prefix + ".order.", errors, known::contains);
				if (order != null) {
					events.add(new OrderEvent.Placed(order));
				}
			}
			else if (event.payment() != null) {
				PayOrderInput payment = event.payment();
				events.add(new OrderEvent.Paid(payment.orderNumber(),
						(payment.paidAt() != null) ? payment.paidAt() : now));
			}
			else {
				ReturnOrderInput storno = event.storno();
				try {
					events.add(new OrderEvent.Returned(storno.orderNumber(), returned(storno),
							(storno.returnedAt() != null) ? storno.returnedAt() : now, storno.returnKey()));
				}
				catch (IllegalArgumentException ex) {
					errors.add(CompensationError.invalidInput(prefix + ".storno." + returnedField(storno),
							ex.getMessage()));
				}
			}
		}
		if (!errors.isEmpty()) {
			return OrderEventsPayload.refused(errors);
		}
		try {
			List<Boolean> recorded = this.orders.recordAll(events);
			return new OrderEventsPayload(recorded, (int) recorded.stream().filter(Boolean::booleanValue).count(),
					List.of());
		}
		catch (OrderBatchException ex) {
			OrderEventInput event = inputs.get(ex.index());
			String field = "events[" + ex.index() + "]." + switch (events.get(ex.index())) {
				case OrderEvent.Placed placed -> "order." + orderField(placed.order());
				case OrderEvent.Paid paid -> "payment.orderNumber";
				case OrderEvent.Returned returned -> "storno." + returnField(event.storno(), ex.reason());
			};
			return OrderEventsPayload.refused(List.of(CompensationError.invalidInput(field, ex.getMessage())));
		}
	}

	/**
	 * Turns the input of an order into the order, or adds why it cannot be one to the
	 * errors, each named by its field after the prefix.
	 */
	private static NewOrder newOrder(RecordOrderInput input, String prefix, List<CompensationError> errors,
			Predicate<PartnerNumber> knownPartner) {
		int before = errors.size();
		PartnerNumber partner = null;
		if (input.partner() == null && input.customer() == null) {
			errors.add(
					CompensationError.invalidInput(prefix + "partner", "Name the partner or the customer who ordered"));
		}
		else if (input.partner() != null) {
			try {
				partner = PartnerNumber.of(input.partner());
				if (!knownPartner.test(partner)) {
					errors.add(
							CompensationError.invalidInput(prefix + "partner", "No partner has the number " + partner));
				}
			}
			catch (IllegalArgumentException ex) {
				errors.add(CompensationError.invalidInput(prefix + "partner", ex.getMessage()));
			}
		}
		if (input.lines().isEmpty()) {
			errors.add(CompensationError.invalidInput(prefix + "lines", "an order needs at least one line"));
		}
		List<OrderLine> lines = new ArrayList<>();
		for (int i = 0; i < input.lines().size(); i++) {
			OrderLineInput line = input.lines().get(i);
			try {
				lines.add(new OrderLine(line.product(), line.quantity(), line.unitPrice(), line.vatRate(), line.pv(),
						line.bv()));
			}
			catch (IllegalArgumentException ex) {
				String field = CompensationError.leadingField(ex.getMessage(), LINE_FIELDS, null);
				errors.add(CompensationError
					.invalidInput(prefix + "lines[" + i + "]" + ((field != null) ? "." + field : ""), ex.getMessage()));
			}
		}
		NewOrder order = null;
		try {
			if (!lines.isEmpty()) {
				order = new NewOrder(input.orderNumber(), partner, input.orderedAt(), input.currency(), lines,
						input.customer());
			}
		}
		catch (IllegalArgumentException ex) {
			String field = CompensationError.leadingField(ex.getMessage(), ORDER_FIELDS, null);
			errors.add(CompensationError.invalidInput((field != null) ? prefix + field
					: (prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1)), ex.getMessage()));
		}
		return (errors.size() == before) ? order : null;
	}

	/** The input field a refused order is about: its customer, or else its number. */
	private static String orderField(NewOrder order) {
		return (order.customer() != null) ? "customer" : "orderNumber";
	}

	@MutationMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public CustomerPayload registerCustomer(@Argument RegisterCustomerInput input) {
		try {
			PartnerNumber partner = PartnerNumber.of(input.partner());
			if (this.partners.find(partner).isEmpty()) {
				return CustomerPayload.refused("partner", "No partner has the number " + partner);
			}
			Customer customer = new Customer(input.number(), partner, input.name(), input.email());
			boolean registered = this.customers.register(customer);
			return new CustomerPayload(customer, registered, List.of());
		}
		catch (IllegalArgumentException ex) {
			String message = String.valueOf(ex.getMessage());
			String field = message.startsWith("A partner number") ? "partner"
					: message.startsWith("A customer's name") ? "name" : "number";
			return CustomerPayload.refused(field, message);
		}
	}

	@QueryMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public Customer customer(@Argument String number) {
		return this.customers.find(number).orElse(null);
	}

	@QueryMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public RecordedOrder order(@Argument String orderNumber) {
		return this.orders.find(orderNumber).orElse(null);
	}

	@SchemaMapping(typeName = "Order", field = "partner")
	public String orderPartner(RecordedOrder order) {
		return order.partner().value();
	}

	@SchemaMapping(typeName = "Customer", field = "partner")
	public String customerPartner(Customer customer) {
		return customer.partner().value();
	}

	@MutationMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public OrderPayload payOrder(@Argument PayOrderInput input) {
		try {
			boolean recorded = this.orders.markPaid(input.orderNumber(),
					(input.paidAt() != null) ? input.paidAt() : Instant.now());
			return new OrderPayload(input.orderNumber(), recorded, List.of());
		}
		catch (IllegalArgumentException ex) {
			return new OrderPayload(null, false,
					List.of(CompensationError.invalidInput("orderNumber", ex.getMessage())));
		}
	}

	@MutationMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public OrderPayload returnOrder(@Argument ReturnOrderInput input) {
		OrderReturn returned;
		try {
			returned = returned(input);
		}
		catch (IllegalArgumentException ex) {
			return refused(returnedField(input), ex.getMessage());
		}
		try {
			boolean recorded = this.orders.recordReturn(input.orderNumber(), returned,
					(input.returnedAt() != null) ? input.returnedAt() : Instant.now(), input.returnKey());
			return new OrderPayload(input.orderNumber(), recorded, List.of());
		}
		catch (IllegalArgumentException ex) {
			return refused(returnField(input, ex.getMessage()), ex.getMessage());
		}
	}

	/** What a storno returns: its lines, a fraction, or else the whole order. */
	private static OrderReturn returned(ReturnOrderInput input) {
		if (input.lineNumbers() != null && input.fraction() != null) {
			throw new IllegalArgumentException(
					"Give lineNumbers or fraction, not both (neither returns the whole order)");
		}
		if (input.lineNumbers() != null) {
			return new OrderReturn.Lines(input.lineNumbers());
		}
		if (input.fraction() != null) {
			return new OrderReturn.Share(input.fraction());
		}
		return new OrderReturn.Whole();
	}

	/** The input field a storno's return that cannot be made is about. */
	private static String returnedField(ReturnOrderInput input) {
		return (input.lineNumbers() != null && input.fraction() == null) ? "lineNumbers" : "fraction";
	}

	/**
	 * Names the input field a refused storno is about: the key, an unknown order, or else
	 * the part asked back, which does not fit what is left of the order.
	 */
	private static String returnField(ReturnOrderInput input, String message) {
		if (message == null || message.startsWith("No order has") || message.contains("returned in full")) {
			return "orderNumber";
		}
		if (message.startsWith("A return needs a key")) {
			return "returnKey";
		}
		if (input.lineNumbers() != null) {
			return "lineNumbers";
		}
		return (input.fraction() != null) ? "fraction" : "orderNumber";
	}

	private static OrderPayload refused(String field, String message) {
		return new OrderPayload(null, false, List.of(CompensationError.invalidInput(field, message)));
	}

	record RecordOrderInput(String orderNumber, String partner, String customer, Instant orderedAt, String currency,
			List<OrderLineInput> lines) {
	}

	record RegisterCustomerInput(String number, String partner, String name, String email) {
	}

	record CustomerPayload(Customer customer, boolean registered, List<CompensationError> errors) {

		static CustomerPayload refused(String field, String message) {
			return new CustomerPayload(null, false, List.of(CompensationError.invalidInput(field, message)));
		}

	}

	record OrderLineInput(String product, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate, BigDecimal pv,
			BigDecimal bv) {
	}

	record PayOrderInput(String orderNumber, Instant paidAt) {
	}

	record ReturnOrderInput(String orderNumber, Instant returnedAt, String returnKey, List<Integer> lineNumbers,
			BigDecimal fraction) {
	}

	record OrderPayload(String orderNumber, boolean recorded, List<CompensationError> errors) {
	}

	record RecordOrderEventsInput(List<OrderEventInput> events) {
	}

	record OrderEventInput(RecordOrderInput order, PayOrderInput payment, ReturnOrderInput storno) {
	}

	record OrderEventsPayload(List<Boolean> recorded, int recordedCount, List<CompensationError> errors) {

		static OrderEventsPayload refused(List<CompensationError> errors) {
			return new OrderEventsPayload(List.of(), 0, errors);
		}

	}

}
