package shopfront.sales;

public enum OrderStatus {
    CART, PLACED, PAID, SHIPPED, DELIVERED, RETURNED, CANCELLED
}
