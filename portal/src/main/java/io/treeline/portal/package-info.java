/**
 * The application's faces: the GraphQL API, the back office and partner portal in Vaadin,
 * security, and the demo company; views and controllers call the other modules' APIs.
 */
package io.treeline.portal;
