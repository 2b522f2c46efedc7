package io.treeline.portal.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.treeline.compensation.Customer;
import io.treeline.compensation.Customers;
import io.treeline.compensation.NewOrder;
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
 * return orders. Input that is malformed or does not fit the order's state comes back as
 * a typed error naming the input field, and nothing is changed. Staff only.
 */
@Controller
class OrderGraphQlController {

	private static final Set<String> ORDER_FIELDS = Set.of("orderNumber", "currency");

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
		PartnerNumber partner = null;
		if (input.partner() == null && input.customer() == null) {
			errors.add(CompensationError.invalidInput("partner", "Name the partner or the customer who ordered"));
		}
		else if (input.partner() != null) {
			try {
				partner = PartnerNumber.of(input.partner());
				if (this.partners.find(partner).isEmpty()) {
					errors.add(CompensationError.invalidInput("partner", "No partner has the number " + partner));
				}
			}
			catch (IllegalArgumentException ex) {
				errors.add(CompensationError.invalidInput("partner", ex.getMessage()));
			}
		}
		if (input.lines().isEmpty()) {
			errors.add(CompensationError.invalidInput("lines", "an order needs at least one line"));
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
				errors.add(CompensationError.invalidInput("lines[" + i + "]" + ((field != null) ? "." + field : ""),
						ex.getMessage()));
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
			errors.add(CompensationError
				.invalidInput(CompensationError.leadingField(ex.getMessage(), ORDER_FIELDS, null), ex.getMessage()));
		}
		if (!errors.isEmpty() || order == null) {
			return new OrderPayload(null, false, errors);
		}
		try {
			return new OrderPayload(order.orderNumber(), this.orders.record(order), List.of());
		}
		catch (IllegalArgumentException ex) {
			return refused((order.customer() != null) ? "customer" : "orderNumber", ex.getMessage());
		}
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
		if (input.lineNumbers() != null && input.fraction() != null) {
			return refused("fraction", "Give lineNumbers or fraction, not both (neither returns the whole order)");
		}
		OrderReturn returned;
		try {
			if (input.lineNumbers() != null) {
				returned = new OrderReturn.Lines(input.lineNumbers());
			}
			else if (input.fraction() != null) {
				returned = new OrderReturn.Share(input.fraction());
			}
			else {
				returned = new OrderReturn.Whole();
			}
		}
		catch (IllegalArgumentException ex) {
			return refused((input.lineNumbers() != null) ? "lineNumbers" : "fraction", ex.getMessage());
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

}
