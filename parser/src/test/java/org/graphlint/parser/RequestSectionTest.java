package org.graphlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HTTP request section in the forms the 2021-08-27 snapshots use besides {@code ## HTTP request} + {@code ```http}:
 * a fence without a language (the dynamics-* pages), and several sections each saying which request
 * (driveitem-put-content: "HTTP request (to replace an existing item)", "HTTP request (to upload a new file)"). Their
 * templates are the page's operations, never request examples.
 */
class RequestSectionTest {

    private static PageModel parse(String text) {
        return PageParser.parse("page.md", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> operations(PageModel p) {
        return p.operations().stream().map(o -> o.method() + " " + o.path()).toList();
    }

    /** From ru-RU beta/api/dynamics-currencies-get.md. */
    @Test
    void aFenceWithoutLanguage() {
        PageModel p = parse("""
                ## <a name="http-request"></a><span data-ttu-id="6dec1-117">HTTP-запрос</span><span class="sxs-lookup"><span data-stu-id="6dec1-117">HTTP request</span></span>

                ```
                GET /financials/companies/{id}/currencies/{id}
                ```

                ## <a name="example"></a><span data-ttu-id="6dec1-130">Пример</span><span class="sxs-lookup"><span data-stu-id="6dec1-130">Example</span></span>

                ```http
                GET https://graph.microsoft.com/beta/financials/companies/{id}/currencies/{id}
                ```
                """);
        assertEquals(List.of("GET /financials/companies/{id}/currencies/{id}"), operations(p));
        assertEquals(1, p.examples().size());
    }

    /** From ru-RU beta/api/driveitem-put-content.md (shortened). */
    @Test
    void sectionsThatSayWhichRequest() {
        PageModel p = parse("""
                ## <a name="http-request-to-replace-an-existing-item"></a><span data-ttu-id="40131-119">HTTP-запрос (для замены существующего элемента)</span><span class="sxs-lookup"><span data-stu-id="40131-119">HTTP request (to replace an existing item)</span></span>

                <!-- { "blockType": "ignored" } -->

                ```http
                PUT /drives/{drive-id}/items/{item-id}/content
                PUT /me/drive/items/{item-id}/content
                ```

                ## <a name="http-request-to-upload-a-new-file"></a><span data-ttu-id="40131-120">HTTP-запрос (для отправки нового файла)</span><span class="sxs-lookup"><span data-stu-id="40131-120">HTTP request (to upload a new file)</span></span>

                <!-- { "blockType": "ignored" } -->

                ```http
                PUT /drives/{drive-id}/items/{parent-id}:/{filename}:/content
                ```

                ## <a name="example-upload-a-new-file"></a><span data-ttu-id="40131-125">Пример (отправка нового файла)</span><span class="sxs-lookup"><span data-stu-id="40131-125">Example (upload a new file)</span></span>

                ```http
                PUT /me/drive/root:/FolderA/FileB.txt:/content
                Content-Type: text/plain

                The contents of the file goes here.
                ```
                """);
        assertEquals(List.of("PUT /drives/{drive-id}/items/{item-id}/content", "PUT /me/drive/items/{item-id}/content",
                "PUT /drives/{drive-id}/items/{parent-id}:/{filename}:/content"), operations(p));
        assertEquals(1, p.examples().size(), p.examples().toString());
        assertEquals("/me/drive/root:/FolderA/FileB.txt:/content", p.examples().get(0).url());
    }

    /**
     * From ru-RU beta/api/driveitem-createuploadsession.md: the HTTP request section one level down; and from pages
     * whose examples have a "### HTTP request" heading of their own, which stays an example.
     */
    @Test
    void aRequestSectionOneLevelDownButNotInAnExample() {
        PageModel p = parse("""
                ## <a name="create-an-upload-session"></a><span data-ttu-id="9fd43-121">Создание сеанса отправки</span><span class="sxs-lookup"><span data-stu-id="9fd43-121">Create an upload session</span></span>

                ### <a name="http-request"></a><span data-ttu-id="9fd43-126">HTTP-запрос</span><span class="sxs-lookup"><span data-stu-id="9fd43-126">HTTP request</span></span>

                ```http
                POST /me/drive/items/{itemId}/createUploadSession
                POST /me/drive/root:/{item-path}:/createUploadSession
                ```

                ### <a name="request-body"></a><span data-ttu-id="9fd43-127">Тело запроса</span><span class="sxs-lookup"><span data-stu-id="9fd43-127">Request body</span></span>

                ## <a name="example"></a>Example

                ### <a name="http-request"></a>HTTP request

                ```http
                POST /me/drive/root:/a.zip:/createUploadSession
                ```
                """);
        assertEquals(List.of("POST /me/drive/items/{itemId}/createUploadSession",
                "POST /me/drive/root:/{item-path}:/createUploadSession"), operations(p));
        assertEquals(1, p.examples().size(), p.examples().toString());
    }

    /** A plain fence elsewhere (a response, a sample) stays what it was: neither an operation nor an example. */
    @Test
    void aPlainFenceOutsideTheRequestSectionIsNoOperation() {
        PageModel p = parse("""
                ## <a name="response"></a>Response

                ```
                GET /not/an/operation
                ```
                """);
        assertEquals(List.of(), operations(p));
    }
}
